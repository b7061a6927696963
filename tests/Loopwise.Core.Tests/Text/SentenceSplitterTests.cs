using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var tokenized = TokenizedText.Create(text);
        return [.. tokenized.Sentences.Select(s => text.Substring(s.Span.Start, s.Span.Length))];
    }

    [Fact]
    public void Splits_after_full_stops_question_and_exclamation_marks()
    {
        Assert.Equal(["Great staff.", "Why so slow?!", "Never again!"], Sentences("Great staff. Why so slow?! Never again!"));
    }

    [Fact]
    public void Abbreviations_and_decimals_do_not_split()
    {
        Assert.Equal(["Dr. Smith at St. Mary's was kind, e.g. she called back.", "It cost $4.99 only."],
            Sentences("Dr. Smith at St. Mary's was kind, e.g. she called back. It cost $4.99 only."));
    }

    [Fact]
    public void Etc_ends_a_sentence_only_before_a_capital()
    {
        Assert.Equal(["Fees, charges etc.", "All hidden."], Sentences("Fees, charges etc. All hidden."));
        Assert.Equal(["Fees, charges etc. were hidden."], Sentences("Fees, charges etc. were hidden."));
    }

    [Fact]
    public void An_ellipsis_splits_only_before_a_capital()
    {
        Assert.Equal(["Waited 40 min... still nothing."], Sentences("Waited 40 min... still nothing."));
        Assert.Equal(["It was ok…", "Not great."], Sentences("It was ok… Not great."));
    }

    [Fact]
    public void Closing_quotes_and_brackets_stay_with_their_sentence()
    {
        Assert.Equal(["They said \"sorry.\"", "(Not good.)", "Bye"], Sentences("They said \"sorry.\" (Not good.) Bye"));
    }

    [Fact]
    public void Lines_and_bullets()
    {
        Assert.Equal(["fast delivery", "rude staff", "Overall fine"],
            Sentences("- fast delivery\n* rude staff\n\nOverall fine"));
        Assert.Equal(["Pros: cheap", "Cons: slow app"], Sentences("1. Pros: cheap\n2) Cons: slow app"));
        Assert.Equal(["first", "second"], Sentences("• first\r\n• second"));
    }

    [Fact]
    public void Emoticons_do_not_split_and_stray_punctuation_joins_the_sentence_before()
    {
        Assert.Equal(["Great service :) will come back"], Sentences("Great service :) will come back"));
        Assert.Equal(["Terrible. !!!"], Sentences("Terrible. !!!"));
    }

    [Fact]
    public void Empty_and_punctuation_only_texts_have_no_sentence()
    {
        Assert.Empty(Sentences(""));
        Assert.Empty(Sentences("  \n "));
        Assert.Empty(Sentences("?!"));
    }

    [Fact]
    public void Sentence_token_ranges_cover_their_tokens()
    {
        var text = TokenizedText.Create("One two. Three!");
        Assert.Equal(2, text.Sentences.Count);
        Assert.Equal(0, text.Sentences[0].FirstToken);
        Assert.Equal(3, text.Sentences[0].TokenCount);
        Assert.Equal(3, text.Sentences[1].FirstToken);
        Assert.Equal(2, text.Sentences[1].TokenCount);
    }
}
