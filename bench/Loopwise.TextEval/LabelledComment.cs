using Loopwise.Core.Text;

namespace Loopwise.TextEval;

/// <summary>One row of a labelled comments file (header: id, industry, split, language, label, text).</summary>
internal sealed record LabelledComment(string Id, string Industry, string Split, string Language, SentimentLabel Label, string Text)
{
    public const string Header = "id\tindustry\tsplit\tlanguage\tlabel\ttext";

    /// <summary>Reads every comments-*.tsv of <paramref name="directory"/>, failing on any malformed row.</summary>
    public static List<LabelledComment> ReadAll(string directory)
    {
        var files = Directory.GetFiles(directory, "comments-*.tsv").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"No comments-*.tsv in {directory}.");
        }

        var rows = new List<LabelledComment>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            if (lines.Length == 0 || lines[0] != Header)
            {
                throw new FormatException($"{file}: the first line must be the header \"{Header}\".");
            }

            for (var n = 1; n < lines.Length; n++)
            {
                if (lines[n].Length == 0)
                {
                    continue;
                }

                var cells = lines[n].Split('\t');
                if (cells.Length != 6)
                {
                    throw new FormatException($"{file}:{n + 1}: {cells.Length} cells, 6 expected.");
                }

                var label = cells[4] switch
                {
                    "positive" => SentimentLabel.Positive,
                    "neutral" => SentimentLabel.Neutral,
                    "negative" => SentimentLabel.Negative,
                    var other => throw new FormatException($"{file}:{n + 1}: label \"{other}\" is not positive, neutral or negative."),
                };
                if (cells[2] is not ("dev" or "test"))
                {
                    throw new FormatException($"{file}:{n + 1}: split \"{cells[2]}\" is not dev or test.");
                }

                if (!ids.Add(cells[0]))
                {
                    throw new FormatException($"{file}:{n + 1}: the id {cells[0]} is used twice.");
                }

                rows.Add(new LabelledComment(cells[0], cells[1], cells[2], cells[3], label, cells[5]));
            }
        }

        return rows;
    }
}
