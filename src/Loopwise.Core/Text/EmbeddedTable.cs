using System.Globalization;

namespace Loopwise.Core.Text;

/// <summary>Reads the tab-separated tables embedded in Loopwise.Core (lexicons, stop words): one row a line, '#' starts a comment line.</summary>
internal static class EmbeddedTable
{
    /// <summary>The rows of the embedded resource whose name ends with <paramref name="fileName"/>, split on tabs.</summary>
    public static List<string[]> Read(string fileName)
    {
        var assembly = typeof(EmbeddedTable).Assembly;
        var name = Array.Find(assembly.GetManifestResourceNames(), n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Loopwise.Core has no embedded table {fileName}.");
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Loopwise.Core has no embedded table {fileName}.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            rows.Add(line.Split('\t'));
        }

        return rows;
    }

    /// <summary>Reads column <paramref name="column"/> of <paramref name="row"/> as an invariant number, or fails naming the table.</summary>
    public static double Number(string[] row, int column, string fileName) =>
        row.Length > column && double.TryParse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{fileName}: \"{string.Join('\t', row)}\" has no number in column {column + 1}.");
}
