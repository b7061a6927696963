using Loopwise.Core.Text;
using Loopwise.Core.Text.Emotions;
using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Tests.Text;

/// <summary>Worked sentences for the emotion lexicon (weights from emotions.tsv, quoted in each comment).</summary>
public class EmotionTaggerTests
{
    private static IReadOnlyList<EmotionScore> Tag(string text) => LexiconEmotionTagger.Instance.Tag(TokenizedText.Create(text));

    private static EmotionScore Only(string text) => Assert.Single(Tag(text));

    // anger: "scam" 1.1.
    [Fact]
    public void Anger()
    {
        Assert.Equal(new EmotionScore(Emotion.Anger, 1, 1.1), Only("This company is a scam"));
    }

    // frustration: "frustrated" 1.2, booster "so" at distance 1: 1.2·(1 + 0.293) = 1.5516.
    [Fact]
    public void Frustration_with_a_booster()
    {
        var score = Only("I am so frustrated with this app");

        Assert.Equal(Emotion.Frustration, score.Emotion);
        Assert.Equal(1.2 * 1.293, score.Intensity, 1e-9);
    }

    // joy: "delighted" 1.3 and "😀" 1.0 = 2.3 from 2 cues.
    [Fact]
    public void Joy_from_words_and_emoji()
    {
        var score = Only("Delighted with the new plan 😀");

        Assert.Equal(Emotion.Joy, score.Emotion);
        Assert.Equal(2, score.Cues);
        Assert.Equal(2.3, score.Intensity, 1e-9);
    }

    // trust: "reliable" 1.0 + "honest" 1.0 + "trust" 1.0 = 3.0.
    [Fact]
    public void Trust()
    {
        Assert.Equal(new EmotionScore(Emotion.Trust, 3, 3.0), Only("Reliable and honest, I trust them"));
    }

    // sadness: "disappointed" 1.1 boosted by "really" at distance 1: 1.1·1.293 = 1.4223; ":(" 0.9 with "really" at
    // distance 2: 0.9·(1 + 0.293·0.95) = 1.150515; total 2.572815.
    [Fact]
    public void Sadness_with_an_emoticon()
    {
        var score = Only("Really disappointed :(");

        Assert.Equal(Emotion.Sadness, score.Emotion);
        Assert.Equal(2, score.Cues);
        Assert.Equal(2.572815, score.Intensity, 1e-9);
    }

    // surprise: the phrase "pleasantly surprised" 1.3 (one cue, not "surprised" on its own).
    [Fact]
    public void Surprise_from_a_phrase()
    {
        Assert.Equal(new EmotionScore(Emotion.Surprise, 1, 1.3), Only("Pleasantly surprised by the delivery time"));
    }

    // confusion: "confusing" 1.1 + "makes no sense" 1.2 = 2.3.
    [Fact]
    public void Confusion()
    {
        var score = Only("The bill is confusing and makes no sense");

        Assert.Equal(Emotion.Confusion, score.Emotion);
        Assert.Equal(2, score.Cues);
        Assert.Equal(2.3, score.Intensity, 1e-9);
    }

    // gratitude: "thank you" 1.1 + "went above and beyond" 1.2 = 2.3 (the booster "so much" is in the other sentence).
    // In one sentence, "so much" 3 units before "went above and beyond" boosts it: 1.1 + 1.2·(1 + 0.293·0.9) = 2.61644.
    [Fact]
    public void Gratitude()
    {
        var score = Only("Thank you so much! The nurse went above and beyond");

        Assert.Equal(Emotion.Gratitude, score.Emotion);
        Assert.Equal(2.3, score.Intensity, 1e-9);
        Assert.Equal(2.61644, Only("Thank you so much, the nurse went above and beyond").Intensity, 1e-9);
    }

    // "not happy", "wasn't really that happy" (negator 3 tokens before), "no longer trust": negated cues do not count.
    [Theory]
    [InlineData("I am not happy with the service")]
    [InlineData("I wasn't really that happy")]
    [InlineData("I no longer trust them")]
    [InlineData("Still not happy")]
    public void A_negated_cue_does_not_count(string text)
    {
        Assert.DoesNotContain(Tag(text), s => s.Emotion is Emotion.Joy or Emotion.Trust);
    }

    // A phrase that holds a negator is a cue of its own: "didn't expect" = surprise 1.0.
    [Fact]
    public void A_phrase_with_a_negator_inside_is_a_cue()
    {
        Assert.Equal(new EmotionScore(Emotion.Surprise, 1, 1.0), Only("I didn't expect a call back"));
    }

    // "VERY angry" in a mixed-case text: the booster in capitals adds 0.293 + 0.733: 1.2·2.026 = 2.4312.
    // "a bit annoyed": the dampener "a bit": 1.0·(1 − 0.293) = 0.707.
    [Fact]
    public void Capitals_raise_and_dampeners_lower_the_intensity()
    {
        Assert.Equal(1.2 * 2.026, Only("I am VERY angry").Intensity, 1e-9);
        Assert.Equal(0.707, Only("I was a bit annoyed").Intensity, 1e-9);
    }

    // Blocked phrases: "no thanks" and "thanks in advance" are no gratitude; "would love" is no joy.
    [Fact]
    public void Blocked_phrases_carry_no_emotion()
    {
        Assert.Empty(Tag("No thanks"));
        Assert.Empty(Tag("Thanks in advance for the update"));
        Assert.Empty(Tag("Would love a dark mode"));
    }

    // Several emotions, strongest first: anger "furious" 1.5 > frustration "on hold" 1.0.
    [Fact]
    public void Several_emotions_strongest_first()
    {
        var scores = Tag("Furious. I was on hold for an hour.");

        Assert.Equal([Emotion.Anger, Emotion.Frustration], scores.Select(s => s.Emotion));
    }

    [Fact]
    public void Every_emotion_has_cues_in_the_lexicon()
    {
        var samples = new Dictionary<Emotion, string>
        {
            [Emotion.Anger] = "outraged",
            [Emotion.Frustration] = "fed up",
            [Emotion.Joy] = "thrilled",
            [Emotion.Trust] = "peace of mind",
            [Emotion.Sadness] = "heartbroken",
            [Emotion.Surprise] = "shocked",
            [Emotion.Confusion] = "baffled",
            [Emotion.Gratitude] = "grateful",
        };

        Assert.Equal(Enum.GetValues<Emotion>().Length, samples.Count);
        foreach (var (emotion, text) in samples)
        {
            Assert.Equal(emotion, Only(text).Emotion);
        }
    }
}
