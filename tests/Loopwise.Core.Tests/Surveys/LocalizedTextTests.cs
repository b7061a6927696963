using Loopwise.Core.Surveys;

namespace Loopwise.Core.Tests.Surveys;

public class LocalizedTextTests
{
    private static readonly LocalizedText Greeting = new([
        KeyValuePair.Create("en", "Hello"),
        KeyValuePair.Create("fr", "Bonjour"),
        KeyValuePair.Create("de", "  "),
    ]);

    [Fact]
    public void Get_returns_the_requested_language_when_present()
    {
        Assert.Equal("Bonjour", Greeting.Get("fr", "en"));
    }

    [Fact]
    public void Get_matches_language_tags_case_insensitively()
    {
        Assert.Equal("Bonjour", Greeting.Get("FR", "en"));
    }

    [Fact]
    public void Get_falls_back_from_a_regional_tag_to_its_primary_language()
    {
        Assert.Equal("Bonjour", Greeting.Get("fr-CA", "en"));
    }

    [Fact]
    public void Get_falls_back_to_the_fallback_language_when_the_language_is_missing()
    {
        Assert.Equal("Hello", Greeting.Get("es", "en"));
    }

    [Fact]
    public void Get_treats_a_blank_translation_as_missing()
    {
        Assert.Equal("Hello", Greeting.Get("de", "en"));
    }

    [Fact]
    public void Get_uses_any_text_when_neither_language_exists()
    {
        var text = new LocalizedText("fr", "Bonjour");

        Assert.Equal("Bonjour", text.Get("es", "en"));
    }

    [Fact]
    public void Get_on_a_text_without_any_translation_is_empty()
    {
        Assert.Equal(string.Empty, new LocalizedText("en", "").Get("en", "en"));
    }

    [Fact]
    public void Single_language_constructor_holds_one_text()
    {
        var text = new LocalizedText("en", "Hi");

        Assert.Equal(["en"], text.Languages);
        Assert.True(text.Has("en"));
        Assert.False(text.Has("fr"));
    }

    [Fact]
    public void Texts_with_the_same_translations_in_another_order_are_equal()
    {
        var a = SampleSurveys.EnFr("Yes", "Oui");
        var b = new LocalizedText("fr", "Oui").With("en", "Yes");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new LocalizedText("en", "Yes"));
    }

    [Fact]
    public void With_replaces_an_existing_translation()
    {
        var text = new LocalizedText("en", "Hi").With("EN", "Hello");

        Assert.Single(text.Values);
        Assert.Equal("Hello", text.Get("en", "en"));
    }
}
