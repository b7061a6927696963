using Loopwise.Core.Text.Pii;

namespace Loopwise.Core.Tests.Text.Pii;

public class PiiRedactorTests
{
    [Theory]
    [InlineData("Write to jane.doe+cx@example.co.uk please", "Write to [EMAIL] please")]
    [InlineData("mail: BOB_99@Mail-Server.example.com.", "mail: [EMAIL].")]
    [InlineData("(ops@acme.io)", "([EMAIL])")]
    [InlineData("josé@exämple.de und", "[EMAIL] und")]
    [InlineData("5551234567@txt.example.net", "[EMAIL]")]
    public void Email_addresses_are_replaced(string text, string expected)
    {
        var result = PiiRedactor.Redact(text);

        Assert.Equal(expected, result.Text);
        Assert.Equal(1, result.Count(PiiKind.Email));
    }

    [Theory]
    [InlineData("follow @loopwise on social")]
    [InlineData("bob@localhost is the dev box")]
    [InlineData("a@b.c")]
    [InlineData("meet me @ 5pm")]
    [InlineData("name@example.c0m")]
    [InlineData(".@example.com")]
    [InlineData("bob.@example.com")]
    [InlineData("bob@-example.com")]
    public void Things_that_are_not_email_addresses_are_left_alone(string text)
    {
        var result = PiiRedactor.Redact(text);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Redactions);
    }

    [Theory]
    [InlineData("call +1 (555) 123-4567 today", "call [PHONE] today")]
    [InlineData("call 555-123-4567.", "call [PHONE].")]
    [InlineData("my number is 5551234567", "my number is [PHONE]")]
    [InlineData("ring 020 7946 0958 after six", "ring [PHONE] after six")]
    [InlineData("mobile 06.12.34.56.78", "mobile [PHONE]")]
    [InlineData("+44 20 7946 0958", "[PHONE]")]
    [InlineData("Tel:+49 30 1234567", "Tel:[PHONE]")]
    [InlineData("(555)123-4567", "[PHONE]")]
    [InlineData("555 1234", "[PHONE]")]
    public void Phone_numbers_are_replaced(string text, string expected)
    {
        var result = PiiRedactor.Redact(text);

        Assert.Equal(expected, result.Text);
        Assert.Equal(1, result.Count(PiiKind.Phone));
    }

    [Theory]
    [InlineData("it arrived on 2026-01-05 at 10:30")]
    [InlineData("booked for 05.01.2026 and 12/01/2026")]
    [InlineData("from 2026-01-05 2026-01-07")]
    [InlineData("customer since 2019-2021")]
    [InlineData("they charged $1,234,567.89")]
    [InlineData("a bill of 1234567.89")]
    [InlineData("lost 1.234.567,89 € on it")]
    [InlineData("costs EUR 1234567")]
    [InlineData("worth 1234567 dollars")]
    [InlineData("1 234 567 people")]
    [InlineData("server 192.168.100.200 was down")]
    [InlineData("order #12345678 is late")]
    [InlineData("product code A1234567B")]
    [InlineData("see https://example.com/orders/12345678")]
    [InlineData("grew by 1234567%")]
    [InlineData("only 123456 here")]
    [InlineData("a run of 12345678901234567890123 digits")]
    [InlineData("rate us 1 2 3 4 5 6 7 8 9 10")]
    public void Numbers_that_are_not_phone_numbers_are_left_alone(string text)
    {
        var result = PiiRedactor.Redact(text);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Redactions);
    }

    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("4111111111111111")]
    [InlineData("5500 0000 0000 0004")]
    [InlineData("3782 822463 10005")]
    [InlineData("6011000990139424")]
    public void Luhn_valid_card_numbers_are_replaced(string card)
    {
        var result = PiiRedactor.Redact("paid with " + card + ", thanks");

        Assert.Equal("paid with [CARD], thanks", result.Text);
        Assert.Equal(PiiKind.Card, Assert.Single(result.Redactions).Kind);
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("4111111111111112")]
    [InlineData("5500 0000 0000 0005")]
    [InlineData("0000 0000 0000 0000")]
    public void Luhn_invalid_card_numbers_are_left_alone(string number)
    {
        var text = "number " + number + " here";

        var result = PiiRedactor.Redact(text);

        Assert.Equal(text, result.Text);
    }

    [Fact]
    public void A_card_number_followed_by_more_digits_is_redacted_up_to_its_last_valid_group()
    {
        var result = PiiRedactor.Redact("card 4111 1111 1111 1111 12 26 cvc");

        Assert.Equal("card [CARD] 12 26 cvc", result.Text);
    }

    // Worked by hand: 7 9 9 2 7 3 9 8 7 1 3 from the right, doubling every second digit:
    // 3 + (1·2) + 7 + (8·2 = 16 → 7) + 9 + (3·2) + 7 + (2·2) + 9 + (9·2 = 18 → 9) + 7 = 70, a multiple of 10.
    [Theory]
    [InlineData("79927398713", true)]
    [InlineData("79927398710", false)]
    [InlineData("4111 1111 1111 1111", true)]
    [InlineData("4111 1111 1111 1112", false)]
    [InlineData("", false)]
    public void Luhn_check_of_the_reference_vectors(string number, bool valid)
    {
        Assert.Equal(valid, Luhn.IsValid(number));
    }

    [Fact]
    public void An_eleven_digit_luhn_number_is_too_short_for_a_card_and_redacted_as_a_phone()
    {
        Assert.Equal("[PHONE]", PiiRedactor.Redact("79927398713").Text);
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("DE89370400440532013000")]
    [InlineData("de89 3704 0044 0532 0130 00")]
    [InlineData("GB82 WEST 1234 5698 7654 32")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606")]
    [InlineData("NO93 8601 1117 947")]
    public void Ibans_with_valid_check_digits_are_replaced(string iban)
    {
        var result = PiiRedactor.Redact("refund to " + iban + " please");

        Assert.Equal("refund to [IBAN] please", result.Text);
        Assert.Equal(PiiKind.Iban, Assert.Single(result.Redactions).Kind);
    }

    [Theory]
    [InlineData("DE88 3704 0044 0532 0130 00")]
    [InlineData("GB83 WEST 1234 5698 7654 32")]
    [InlineData("NL19ABNA0417164300")]
    public void Ibans_with_bad_check_digits_are_left_alone(string iban)
    {
        var text = "refund to " + iban + " please";

        var result = PiiRedactor.Redact(text);

        Assert.Equal(text, result.Text);
    }

    // DE89 with a digit short: not 22 characters, so not a German IBAN, and its 17 remaining digits fail Luhn.
    [Fact]
    public void An_iban_of_the_wrong_length_for_its_country_is_not_an_iban()
    {
        var result = PiiRedactor.Redact("DE89 3704 0044 0532 0130 0");

        Assert.Equal(0, result.Count(PiiKind.Iban));
    }

    [Fact]
    public void An_iban_followed_by_more_words_ends_at_its_registered_length()
    {
        var result = PiiRedactor.Redact("DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX");

        Assert.Equal("[IBAN] BIC COBADEFFXXX", result.Text);
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00", true)]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("GB82WEST12345698765433", false)]
    [InlineData("XX", false)]
    public void Iban_mod_97_check(string iban, bool valid)
    {
        Assert.Equal(valid, Iban.HasValidCheckDigits(iban.Replace(" ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Several_redactions_report_their_token_spans_in_the_redacted_text()
    {
        var result = PiiRedactor.Redact("Card 4111 1111 1111 1111, call 555-123-4567 or mail me@example.org; IBAN DE89370400440532013000.");

        Assert.Equal("Card [CARD], call [PHONE] or mail [EMAIL]; IBAN [IBAN].", result.Text);
        Assert.Equal([PiiKind.Card, PiiKind.Phone, PiiKind.Email, PiiKind.Iban], result.Redactions.Select(r => r.Kind));
        foreach (var redaction in result.Redactions)
        {
            Assert.Equal(PiiRedactor.TokenFor(redaction.Kind), result.Text.Substring(redaction.Token.Start, redaction.Token.Length));
        }
    }

    [Fact]
    public void A_text_without_personal_data_is_returned_as_it_is()
    {
        const string text = "The delivery was two days late and nobody answered the phone, but the refund came quickly.";

        var result = PiiRedactor.Redact(text);

        Assert.Same(text, result.Text);
        Assert.Empty(result.Redactions);
    }

    [Theory]
    [InlineData("no digits at all", false)]
    [InlineData("12 34 56", false)]
    [InlineData("123 4567", true)]
    [InlineData("a@b", true)]
    public void The_pre_check_needs_an_at_sign_or_seven_digits(string text, bool may)
    {
        Assert.Equal(may, PiiRedactor.MayContainPii(text));
    }
}
