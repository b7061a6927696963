using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Tests.Text;

public class TokenizerTests
{
    private static string[] Tokens(string text)
    {
        var tokenized = TokenizedText.Create(text);
        return [.. tokenized.Tokens.Select(t => tokenized.Original(t).ToString())];
    }

    private static TokenKind[] Kinds(string text) => [.. TokenizedText.Create(text).Tokens.Select(t => t.Kind)];

    [Fact]
    public void Words_keep_inner_apostrophes_and_hyphens_and_lose_outer_punctuation()
    {
        Assert.Equal(["I", "don't", "like", "\"", "hassle-free", "\"", "claims", ",", "it’s", "a", "lie", "!"],
            Tokens("I don't like \"hassle-free\" claims, it’s a lie!"));
    }

    [Fact]
    public void Prices_decimals_times_and_ratings_stay_whole()
    {
        Assert.Equal(["Paid", "$4.99", "at", "10:30", "for", "24/7", "support", ",", "10/10", ",", "30%", "off", "."],
            Tokens("Paid $4.99 at 10:30 for 24/7 support, 10/10, 30% off."));
        Assert.Equal(TokenKind.Number, Kinds("$4.99")[0]);
    }

    [Fact]
    public void Abbreviations_keep_their_dot()
    {
        Assert.Equal(["Mr.", "Smith", "on", "Main", "St.", "helped", ",", "e.g.", "with", "the", "U.S.", "form", "."],
            Tokens("Mr. Smith on Main St. helped, e.g. with the U.S. form."));
    }

    [Fact]
    public void Emoticons_are_tokens_even_next_to_punctuation_or_words()
    {
        Assert.Equal(["Great", ":)", "but", "slow", ":-(", "."], Tokens("Great :) but slow :-(."));
        Assert.Equal(["thanks", ":)"], Tokens("thanks:)"));
        Assert.Equal([TokenKind.Word, TokenKind.Emoticon], Kinds("love <3"));
        Assert.Equal([TokenKind.Word, TokenKind.Emoticon], Kinds("fun :D"));
        // A closing bracket and colon after a word is punctuation, not a reversed emoticon.
        Assert.Equal([TokenKind.Punctuation, TokenKind.Word, TokenKind.Punctuation], Kinds("(costs):"));
    }

    [Fact]
    public void Emoji_are_tokens_with_their_modifiers()
    {
        Assert.Equal(["great", "😀", "👍🏽", "❤️", "👨‍👩‍👧"], Tokens("great😀👍🏽 ❤️ 👨‍👩‍👧"));
        Assert.All(Kinds("😀👍🏽")[0..2], k => Assert.Equal(TokenKind.Emoji, k));
    }

    [Fact]
    public void Redaction_placeholders_are_one_token()
    {
        Assert.Equal(["Mail", "[EMAIL]", "or", "call", "[PHONE]", "."], Tokens("Mail [EMAIL] or call [PHONE]."));
        Assert.Equal(TokenKind.Placeholder, Kinds("[EMAIL]")[0]);
    }

    [Fact]
    public void Capitals_are_flagged_and_mixed_case_is_known()
    {
        var mixed = TokenizedText.Create("This is GREAT");
        Assert.True(mixed.Tokens[2].Has(TokenFlags.AllCaps));
        Assert.False(mixed.Tokens[0].Has(TokenFlags.AllCaps));
        Assert.True(mixed.MixedCase);
        Assert.False(TokenizedText.Create("THIS IS GREAT").MixedCase);
        Assert.False(TokenizedText.Create("this is great").MixedCase);
    }

    [Fact]
    public void Lower_case_view_has_the_same_offsets_and_plain_apostrophes()
    {
        var text = TokenizedText.Create("It’s GREAT");
        Assert.Equal("it's", text.LowerOf(text.Tokens[0]).ToString());
        Assert.Equal("great", text.LowerOf(text.Tokens[1]).ToString());
        Assert.Equal(text.Text.Length, text.Lower.Length);
    }

    [Fact]
    public void A_tokenized_text_can_be_reused()
    {
        var text = new TokenizedText();
        text.Load("A much longer first text, with several tokens.");
        text.Load("Short.");
        Assert.Equal(2, text.Tokens.Count);
        Assert.Single(text.Sentences);
        Assert.Equal("short.", text.Lower.ToString());
    }
}
