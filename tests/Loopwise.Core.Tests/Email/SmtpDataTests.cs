using System.Text;
using Loopwise.Core.Email;

namespace Loopwise.Core.Tests.Email;

public class SmtpDataTests
{
    [Fact]
    public void Lines_starting_with_a_dot_are_stuffed_and_line_ends_become_crlf()
    {
        // ".hidden" → "..hidden"; LF and lone CR → CRLF; a final CRLF is added, then ".\r\n".
        var data = SmtpData.Encode(Encoding.ASCII.GetBytes(".hidden\nline\rnext\r\n.\r\nend"));
        Assert.Equal("..hidden\r\nline\r\nnext\r\n..\r\nend\r\n.\r\n", Encoding.ASCII.GetString(data));
    }

    [Fact]
    public void A_message_ending_with_crlf_gets_only_the_terminator()
    {
        Assert.Equal("a\r\n.\r\n", Encoding.ASCII.GetString(SmtpData.Encode("a\r\n"u8)));
        Assert.Equal("a.b\r\n.\r\n", Encoding.ASCII.GetString(SmtpData.Encode("a.b"u8)));
    }
}
