using System.Globalization;
using Loopwise.Core.Text;
using Loopwise.Core.Text.Topics;

namespace Loopwise.TextEval;

/// <summary>Reads comments from stdin, one a line, and prints what the pipeline makes of each: for tuning by hand.</summary>
internal static class Explain
{
    public static void Run(TextReader input, TextWriter output)
    {
        var analyzer = new TextAnalyzer(TopicTaxonomy.Compile(StarterTaxonomies.For("retail")).Taxonomy!);
        while (input.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var analysis = analyzer.Analyze(line);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{analysis.Sentiment.Label} {analysis.Sentiment.Compound:F4} [{analysis.Language}{(analysis.LanguageSupported ? "" : ", not scored")}] {analysis.Text}"));
            foreach (var sentence in analysis.Sentences)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {sentence.Sentiment.Compound,8:F4}  {analysis.Text.AsSpan(sentence.Span.Start, sentence.Span.Length)}"));
            }

            foreach (var topic in analysis.Topics)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    topic {topic.Key} {topic.Sentiment.Compound:F4}: {string.Join(", ", topic.Phrases.Select(p => analysis.Text.Substring(p.Start, p.Length)))}"));
            }

            foreach (var emotion in analysis.Emotions)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    emotion {emotion.Emotion} ×{emotion.Cues} {emotion.Intensity:F3}"));
            }
        }
    }
}
