using System.Globalization;

namespace Loopwise.Core.Text.Topics;

/// <summary>
/// Parses the topic rule language (described on <see cref="TopicTaxonomy"/>). Precedence from loosest to tightest:
/// OR and commas, AND (and "a NOT b", which is "a AND NOT b"), NOT, NEAR/n, then words, phrases and parentheses.
/// Errors name the character position in the rule and say what to write instead; the first error ends parsing.
/// </summary>
internal static class RuleParser
{
    /// <summary>The largest NEAR distance: a sentence rarely has more words than this between two ideas.</summary>
    public const int MaxDistance = 50;

    /// <summary>NEAR without "/n".</summary>
    public const int DefaultDistance = 5;

    /// <summary>The shortest stem: "ref*" already matches too much, shorter stems would match almost anything.</summary>
    public const int MinStemLength = 3;

    private enum Kind
    {
        Words,
        Quoted,
        Open,
        Close,
        Comma,
        And,
        Or,
        Not,
        Near,
        End,
    }

    /// <summary>Parses <paramref name="rule"/>; an empty or blank rule gives a null expression and no error.</summary>
    public static RuleParse Parse(string rule)
    {
        try
        {
            var lexemes = Lex(rule);
            if (lexemes.Count == 1)
            {
                return new RuleParse(null, -1, null);
            }

            var parser = new Parser(lexemes);
            var expression = parser.ParseRule();
            var excludedOnly = ExclusionOnly(expression);
            return excludedOnly >= 0
                ? new RuleParse(null, excludedOnly, "NOT only leaves words out: this rule would match sentences without any of its words. Combine it with what to match, as in: refund* NOT \"no refund\"")
                : new RuleParse(expression, -1, null);
        }
        catch (RuleSyntaxException e)
        {
            return new RuleParse(null, e.Position, e.Message);
        }
    }

    /// <summary>The position of a NOT that lets the rule match a sentence containing none of its words, or −1.</summary>
    private static int ExclusionOnly(RuleExpression expression) => expression switch
    {
        NotExpression not => not.Position,
        OrExpression or => or.Alternatives.Select(ExclusionOnly).FirstOrDefault(p => p >= 0, -1),
        AndExpression and => and.Operands.Any(o => ExclusionOnly(o) < 0) ? -1 : ExclusionOnly(and.Operands[0]),
        _ => -1,
    };

    private static List<Lexeme> Lex(string rule)
    {
        var lexemes = new List<Lexeme>();
        var i = 0;
        while (i < rule.Length)
        {
            var c = rule[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                lexemes.Add(new Lexeme(c switch { '(' => Kind.Open, ')' => Kind.Close, _ => Kind.Comma }, i, 1));
                i++;
            }
            else if (IsQuote(c))
            {
                var close = i + 1;
                while (close < rule.Length && !IsQuote(rule[close]))
                {
                    close++;
                }

                if (close == rule.Length)
                {
                    throw new RuleSyntaxException(i, "This quote is not closed: end the phrase with another \".");
                }

                var words = new List<RuleWord>();
                var j = i + 1;
                while (j < close)
                {
                    if (char.IsWhiteSpace(rule[j]))
                    {
                        j++;
                        continue;
                    }

                    var end = j;
                    while (end < close && !char.IsWhiteSpace(rule[end]))
                    {
                        end++;
                    }

                    words.AddRange(ReadWords(rule, j, end, quoted: true));
                    j = end;
                }

                if (words.Count == 0)
                {
                    throw new RuleSyntaxException(i, "These quotes hold no words: put a phrase between them, as in \"on hold\".");
                }

                lexemes.Add(new Lexeme(Kind.Quoted, i, close + 1 - i, Words: words));
                i = close + 1;
            }
            else
            {
                var end = i;
                while (end < rule.Length && !char.IsWhiteSpace(rule[end]) && rule[end] is not ('(' or ')' or ',') && !IsQuote(rule[end]))
                {
                    end++;
                }

                lexemes.Add(ReadBare(rule, i, end));
                i = end;
            }
        }

        lexemes.Add(new Lexeme(Kind.End, rule.Length, 0));
        return lexemes;
    }

    private static Lexeme ReadBare(string rule, int start, int end)
    {
        var text = rule.AsSpan(start, end - start);
        switch (text)
        {
            case "AND":
                return new Lexeme(Kind.And, start, text.Length);
            case "OR":
                return new Lexeme(Kind.Or, start, text.Length);
            case "NOT":
                return new Lexeme(Kind.Not, start, text.Length);
            case "NEAR":
                return new Lexeme(Kind.Near, start, text.Length, DefaultDistance);
            default:
                break;
        }

        if (text.StartsWith("NEAR/", StringComparison.Ordinal))
        {
            var digits = text[5..];
            if (digits.Length == 0 || digits.Length > 3 || digits.ContainsAnyExceptInRange('0', '9'))
            {
                throw new RuleSyntaxException(start, "NEAR/ needs the number of words allowed between the two sides, as in NEAR/3.");
            }

            var distance = int.Parse(digits, CultureInfo.InvariantCulture);
            return distance > MaxDistance
                ? throw new RuleSyntaxException(start, string.Create(CultureInfo.InvariantCulture, $"NEAR allows at most {MaxDistance} words between the two sides."))
                : new Lexeme(Kind.Near, start, text.Length, distance);
        }

        if (text[0] == '-' && text.Length > 1)
        {
            throw new RuleSyntaxException(start, string.Concat("To leave a word out write NOT before it, as in NOT ", text[1..], "."));
        }

        return new Lexeme(Kind.Words, start, text.Length, Words: ReadWords(rule, start, end, quoted: false));
    }

    /// <summary>The words of one run of non-space characters: split like sentence text, with a final * making the last word a stem.</summary>
    private static List<RuleWord> ReadWords(string rule, int start, int end, bool quoted)
    {
        var star = rule.IndexOf('*', start, end - start);
        if (star >= 0 && star != end - 1)
        {
            throw new RuleSyntaxException(star, "* can only end a word, as in refund* (it matches refund, refunds, refunded).");
        }

        var stem = star >= 0;
        var textEnd = stem ? end - 1 : end;
        var words = WordTokenizer.Words(rule.AsSpan(start, textEnd - start));
        if (words.Count == 0)
        {
            throw stem && textEnd == start
                ? new RuleSyntaxException(star, "* must follow the start of a word with no space, as in refund*.")
                : new RuleSyntaxException(start, quoted
                    ? string.Concat("'", rule.AsSpan(start, end - start), "' has no letters or digits.")
                    : string.Concat("'", rule.AsSpan(start, end - start), "' has no letters or digits; to match a phrase, put it in quotes."));
        }

        var result = new List<RuleWord>(words.Count);
        for (var w = 0; w < words.Count; w++)
        {
            result.Add(new RuleWord(words[w].Word, stem && w == words.Count - 1));
        }

        if (stem)
        {
            if (!WordTokenizer.IsWordChar(rule[star - 1]))
            {
                throw new RuleSyntaxException(star, "* must follow a letter or digit, as in refund*.");
            }

            if (result[^1].Text.Length < MinStemLength)
            {
                throw new RuleSyntaxException(star - result[^1].Text.Length, string.Create(CultureInfo.InvariantCulture,
                    $"A stem needs at least {MinStemLength} letters before *: '{result[^1].Text}*' would match too many words."));
            }
        }

        return result;
    }

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E';

    private readonly record struct Lexeme(Kind Kind, int Position, int Length, int Distance = 0, List<RuleWord>? Words = null);

    private sealed class Parser(List<Lexeme> lexemes)
    {
        private int _next;

        private Lexeme Peek => lexemes[_next];

        public RuleExpression ParseRule()
        {
            var expression = ParseOr();
            return Peek.Kind switch
            {
                Kind.End => expression,
                Kind.Close => throw new RuleSyntaxException(Peek.Position, "This ) has no ( before it."),
                _ => throw MissingOperator(),
            };
        }

        private RuleExpression ParseOr()
        {
            var first = ParseAnd();
            if (Peek.Kind is not (Kind.Or or Kind.Comma))
            {
                return first;
            }

            var alternatives = new List<RuleExpression> { first };
            while (Peek.Kind is Kind.Or or Kind.Comma)
            {
                var op = lexemes[_next++];
                if (Peek.Kind is Kind.End or Kind.Close or Kind.Or or Kind.Comma or Kind.And)
                {
                    throw new RuleSyntaxException(op.Position, op.Kind == Kind.Comma
                        ? "A comma must be followed by another word or phrase."
                        : "OR needs a word or phrase after it.");
                }

                alternatives.Add(ParseAnd());
            }

            return new OrExpression(first.Position, alternatives);
        }

        private RuleExpression ParseAnd()
        {
            var first = ParseUnary();
            if (Peek.Kind is not (Kind.And or Kind.Not))
            {
                return first;
            }

            var operands = new List<RuleExpression> { first };
            while (Peek.Kind is Kind.And or Kind.Not)
            {
                if (Peek.Kind == Kind.And)
                {
                    var op = lexemes[_next++];
                    if (Peek.Kind is Kind.End or Kind.Close or Kind.Or or Kind.Comma or Kind.And)
                    {
                        throw new RuleSyntaxException(op.Position, "AND needs a word or phrase after it.");
                    }
                }

                operands.Add(ParseUnary());
            }

            return new AndExpression(first.Position, operands);
        }

        private RuleExpression ParseUnary()
        {
            if (Peek.Kind != Kind.Not)
            {
                return ParseNear();
            }

            var op = lexemes[_next++];
            return Peek.Kind is Kind.End or Kind.Close or Kind.Or or Kind.Comma or Kind.And
                ? throw new RuleSyntaxException(op.Position, "NOT needs a word or phrase after it: the words a matching sentence must not contain.")
                : new NotExpression(op.Position, ParseUnary());
        }

        private RuleExpression ParseNear()
        {
            var left = ParsePrimary();
            while (Peek.Kind == Kind.Near)
            {
                var op = lexemes[_next++];
                RequirePositional(left);
                var right = ParsePrimary();
                RequirePositional(right);
                left = new NearExpression(op.Position, left, right, op.Distance);
            }

            return left;
        }

        private static void RequirePositional(RuleExpression operand)
        {
            if (!operand.IsPositional)
            {
                throw new RuleSyntaxException(operand.Position,
                    "NEAR joins words, phrases or alternatives of them, as in (charged, billed) NEAR/3 twice; AND and NOT cannot be inside it.");
            }
        }

        private RuleExpression ParsePrimary()
        {
            var lexeme = Peek;
            switch (lexeme.Kind)
            {
                case Kind.Words:
                    var words = new List<RuleWord>(lexeme.Words!);
                    _next++;
                    while (Peek.Kind == Kind.Words)
                    {
                        words.AddRange(lexemes[_next++].Words!);
                    }

                    return new TermExpression(lexeme.Position, words);
                case Kind.Quoted:
                    _next++;
                    return new TermExpression(lexeme.Position, lexeme.Words!);
                case Kind.Open:
                    _next++;
                    if (Peek.Kind == Kind.Close)
                    {
                        throw new RuleSyntaxException(lexeme.Position, "These parentheses are empty.");
                    }

                    var inner = ParseOr();
                    if (Peek.Kind == Kind.Close)
                    {
                        _next++;
                        return inner;
                    }

                    throw Peek.Kind == Kind.End
                        ? new RuleSyntaxException(lexeme.Position, "This ( is not closed: add a ) after the group.")
                        : MissingOperator();
                case Kind.Close:
                    throw new RuleSyntaxException(lexeme.Position, "This ) has no ( before it.");
                case Kind.Not:
                    throw new RuleSyntaxException(lexeme.Position,
                        "NEAR joins words, phrases or alternatives of them; to leave words out, put NOT outside it: (late NEAR/2 delivery) NOT refund.");
                case Kind.And or Kind.Or or Kind.Comma or Kind.Near:
                    throw new RuleSyntaxException(lexeme.Position, string.Concat(
                        lexeme.Kind switch { Kind.And => "AND", Kind.Or => "OR", Kind.Comma => "A comma", _ => "NEAR" },
                        " needs a word or phrase before it."));
                default:
                    throw new RuleSyntaxException(lexeme.Position, "The rule ends where a word or phrase was expected.");
            }
        }

        private RuleSyntaxException MissingOperator() => new(Peek.Position,
            "Put AND, OR, NOT, NEAR/n or a comma before this: words in a row form a phrase, but a quoted phrase or a group in parentheses needs an operator.");
    }

    private sealed class RuleSyntaxException(int position, string message) : Exception(message)
    {
        public int Position { get; } = position;
    }
}

/// <summary>The outcome of parsing one rule: the expression (null for a blank rule or an error), or the error and its position.</summary>
internal sealed record RuleParse(RuleExpression? Expression, int ErrorPosition, string? Error);
