namespace Loopwise.Core.Text.Topics;

/// <summary>A parsed topic rule (see <see cref="RuleParser"/>); <see cref="Position"/> is where it starts in the rule text.</summary>
internal abstract record RuleExpression(int Position)
{
    /// <summary>Whether the expression matches at places in a sentence (words, phrases, alternatives and NEAR of them), so NEAR can join it.</summary>
    public abstract bool IsPositional { get; }
}

/// <summary>One word of a term: a whole word, or a stem matching every word that starts with it.</summary>
internal readonly record struct RuleWord(string Text, bool IsStem);

/// <summary>A word, stem or phrase: its words in a row, with no clause punctuation between them.</summary>
internal sealed record TermExpression(int Position, IReadOnlyList<RuleWord> Words) : RuleExpression(Position)
{
    public override bool IsPositional => true;
}

internal sealed record OrExpression(int Position, IReadOnlyList<RuleExpression> Alternatives) : RuleExpression(Position)
{
    public override bool IsPositional => Alternatives.All(a => a.IsPositional);
}

internal sealed record AndExpression(int Position, IReadOnlyList<RuleExpression> Operands) : RuleExpression(Position)
{
    public override bool IsPositional => false;
}

internal sealed record NotExpression(int Position, RuleExpression Operand) : RuleExpression(Position)
{
    public override bool IsPositional => false;
}

/// <summary>Both sides within the sentence, in either order, with at most <see cref="Distance"/> words between them.</summary>
internal sealed record NearExpression(int Position, RuleExpression Left, RuleExpression Right, int Distance) : RuleExpression(Position)
{
    public override bool IsPositional => true;
}
