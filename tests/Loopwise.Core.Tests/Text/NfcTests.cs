using Loopwise.Core.Text;

namespace Loopwise.Core.Tests.Text;

/// <summary>Our NFC (string.Normalize is a no-op under InvariantGlobalization, which Loopwise uses).</summary>
public class NfcTests
{
    [Theory]
    [InlineData("cafe\u0301", "caf\u00E9")]                      // e + combining acute → é
    [InlineData("A\u030A ring", "\u00C5 ring")]                  // A + ring above → Å
    [InlineData("\u212B", "\u00C5")]                             // ANGSTROM SIGN is a singleton → Å
    [InlineData("e\u0323\u0302", "\u1EC7")]                      // e + dot below + circumflex → ệ (two steps)
    [InlineData("e\u0302\u0323", "\u1EC7")]                      // marks out of canonical order: reordered first
    [InlineData("\u00EA\u0323", "\u1EC7")]                       // precomposed ê + dot below: decomposed, reordered, composed
    [InlineData("n\u0303o", "\u00F1o")]                          // ñ
    [InlineData("\u0301start", "\u0301start")]                   // a mark without a base stays
    [InlineData("x\u0301", "x\u0301")]                           // no precomposed x with acute
    public void Composes_to_nfc(string input, string expected)
    {
        Assert.Equal(expected, Nfc.Normalize(input));
    }

    [Fact]
    public void Text_already_in_nfc_is_returned_as_is()
    {
        const string text = "Caf\u00E9 au lait, na\u00EFve r\u00E9sum\u00E9 😀";

        Assert.Same(text, Nfc.Normalize(text));
    }

    [Fact]
    public void The_bcl_does_not_normalise_here_which_is_why_nfc_exists()
    {
        // If this starts failing, InvariantGlobalization was switched off and string.Normalize could replace Nfc.
        Assert.Equal("cafe\u0301", "cafe\u0301".Normalize());
    }
}
