using System.Text;
using System.Text.RegularExpressions;

namespace Loopwise.Core.Surveys;

/// <summary>
/// The subset of SurveyJS condition expressions that maps onto <see cref="DisplayCondition"/>:
/// a single <c>{name} op literal</c> with op one of <c>= == != &lt;&gt; &lt; &lt;= &gt; &gt;=</c>,
/// <c>{name} anyof [...]</c>, <c>{name} contains|notcontains literal</c>, <c>{name} notempty|empty</c>.
/// Literals are numbers, <c>'text'</c>, <c>"text"</c>, <c>true</c>/<c>false</c>. Anything else
/// (and/or, functions, arithmetic, nested paths) is not mapped.
/// </summary>
internal static partial class SurveyJsExpression
{
    /// <summary>A parsed simple expression; <see cref="Operator"/> is the SurveyJS operator, lower-cased.</summary>
    internal sealed record Parsed(string Name, string Operator, IReadOnlyList<string> Values);

    public static Parsed? Parse(string expression)
    {
        var match = SimpleExpression().Match(expression);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value.Trim();
        var op = match.Groups["op"].Value.ToLowerInvariant();
        var rhs = match.Groups["rhs"].Value.Trim();

        if (op is "empty" or "notempty")
        {
            return rhs.Length == 0 ? new Parsed(name, op, []) : null;
        }

        var values = op == "anyof" && rhs.StartsWith('[') ? ParseList(rhs) : ParseSingle(rhs);
        return values is null ? null : new Parsed(name, op, values);
    }

    /// <summary>A SurveyJS string literal for <paramref name="value"/>, or null when it contains both quote kinds.</summary>
    public static string? Quote(string value) =>
        !value.Contains('\'', StringComparison.Ordinal) ? "'" + value + "'"
        : !value.Contains('"', StringComparison.Ordinal) ? "\"" + value + "\""
        : null;

    private static List<string>? ParseSingle(string text)
    {
        var position = 0;
        var value = ReadLiteral(text, ref position);
        return value is not null && position == text.Length ? [value] : null;
    }

    private static List<string>? ParseList(string text)
    {
        var values = new List<string>();
        var position = 1;
        SkipSpaces(text, ref position);
        if (position < text.Length && text[position] == ']')
        {
            return position == text.Length - 1 ? values : null;
        }

        while (position < text.Length)
        {
            var value = ReadLiteral(text, ref position);
            if (value is null)
            {
                return null;
            }

            values.Add(value);
            SkipSpaces(text, ref position);
            if (position < text.Length && text[position] == ',')
            {
                position++;
                SkipSpaces(text, ref position);
                continue;
            }

            return position == text.Length - 1 && text[position] == ']' ? values : null;
        }

        return null;
    }

    private static string? ReadLiteral(string text, ref int position)
    {
        if (position >= text.Length)
        {
            return null;
        }

        var first = text[position];
        if (first is '\'' or '"')
        {
            var end = text.IndexOf(first, position + 1);
            if (end < 0)
            {
                return null;
            }

            var value = text[(position + 1)..end];
            position = end + 1;
            return value;
        }

        var token = new StringBuilder();
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '-' or '.' or '_'))
        {
            token.Append(text[position]);
            position++;
        }

        var word = token.ToString();
        return NumberLiteral().IsMatch(word) ? word
            : word.Equals("true", StringComparison.OrdinalIgnoreCase) || word.Equals("false", StringComparison.OrdinalIgnoreCase) ? word.ToLowerInvariant()
            : null;
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    [GeneratedRegex(@"^\s*\{(?<name>[^{}]+)\}\s*(?<op>notempty|empty|anyof|notcontains|contains|<=|>=|<>|!=|==|=|<|>)(?<rhs>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SimpleExpression();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLiteral();
}
