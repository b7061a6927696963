using System.Globalization;
using Loopwise.Core.Text;
using Loopwise.Core.Text.Topics;
using Loopwise.Data;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.TextAnalytics;

/// <summary>
/// The taxonomy editor: the topics (key, name, rule) as editable rows, added and removed without JavaScript, saved
/// whole through <see cref="TaxonomyStore.SaveAsync"/> with the version the page was loaded from (a save over a newer
/// one is refused as a conflict, and a rule that does not parse is shown next to its row with the position). A starter
/// taxonomy can be loaded into the editor, "try a comment" analyses a typed text with the rows as they stand, and topics
/// suggested from the comments no topic covers (last 90 days) can be added to the rows.
/// Everyone with text.read sees it; text.taxonomy edits.
/// </summary>
[Authorize(Policy = Permissions.TextRead)]
public sealed class TextTaxonomyModel(
    LoopwiseDbContext db, TimeProvider clock, TaxonomyStore taxonomies, TextAnalyzerCache analyzers, TopicSuggestions suggestions) : PageModel
{
    public const int MaxTryLength = 10_000;

    /// <summary>One editable topic.</summary>
    public sealed class TopicRow
    {
        public string? Key { get; set; }

        public string? Name { get; set; }

        public string? Rule { get; set; }

        public TopicDto ToDto() => new(Key?.Trim() ?? string.Empty, Name?.Trim() ?? string.Empty, Rule?.Trim() ?? string.Empty);
    }

    [BindProperty]
    public List<TopicRow> Rows { get; set; } = [];

    /// <summary>The stored version the rows were loaded from.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The industry the save records: the stored one, or the starter loaded into the editor.</summary>
    [BindProperty]
    public string? Industry { get; set; }

    /// <summary>The starter taxonomy to load.</summary>
    [BindProperty]
    public string? Starter { get; set; }

    [BindProperty]
    public string? TryText { get; set; }

    public WorkspaceTaxonomy Stored { get; private set; } = null!;

    /// <summary>Topics suggested from the uncovered comments of the last 90 days.</summary>
    public TopicSuggestionsDto? Suggestions { get; private set; }

    /// <summary>The analysis of <see cref="TryText"/>, once tried.</summary>
    public CommentAnalysis? TryResult { get; private set; }

    /// <summary>Why the text could not be tried (no text, or rules that do not compile).</summary>
    public IReadOnlyList<string> TryErrors { get; private set; } = [];

    /// <summary>Whether the rows differ from the stored taxonomy (loaded starter, added or removed rows, edits).</summary>
    public bool Unsaved { get; private set; }

    /// <summary>A save was refused because someone saved a newer version.</summary>
    public bool Conflict { get; private set; }

    /// <summary>The row a suggestion was just added as (it gets the focus), if any.</summary>
    public int? Accepted { get; private set; }

    public bool CanEdit => User.HasClaim(Permissions.ClaimType, Permissions.TaxonomyWrite);

    public static IReadOnlyList<string> Industries => StarterTaxonomies.Industries;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Stored = await taxonomies.CurrentAsync(ct);
        Rows = [.. Stored.Topics.Select(t => new TopicRow { Key = t.Key, Name = t.Name, Rule = t.Rule })];
        Version = Stored.Version;
        Industry = Stored.Industry;
        await SuggestAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var saved = await taxonomies.SaveAsync(Industry, [.. Rows.Select(r => r.ToDto())], Version, User.Actor(), ct);
        if (saved.IsSuccess)
        {
            TempData["Flash"] = string.Create(CultureInfo.InvariantCulture,
                $"Taxonomy saved as version {saved.Value!.Version} ({saved.Value.Topics.Count} topics). The comments are re-analysed with it.");
            return Redirect("/text/taxonomy");
        }

        Conflict = saved.Error is Error.Conflict;
        saved.Error!.AddTo(ModelState);
        return await RedisplayAsync(ct);
    }

    /// <summary>Adds an empty row (nothing is saved).</summary>
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        Rows.Add(new TopicRow());
        return await RedisplayAsync(ct);
    }

    /// <summary>Removes the row at <paramref name="index"/> (nothing is saved).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int index, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (index >= 0 && index < Rows.Count)
        {
            Rows.RemoveAt(index);
        }

        return await RedisplayAsync(ct);
    }

    /// <summary>Replaces the rows with the starter taxonomy of <see cref="Starter"/> (nothing is saved until Save).</summary>
    public async Task<IActionResult> OnPostStarterAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (Starter is null || !Industries.Contains(Starter, StringComparer.Ordinal))
        {
            ModelState.AddModelError(nameof(Starter), $"Choose one of: {string.Join(", ", Industries)}.");
            return await RedisplayAsync(ct);
        }

        Rows = [.. StarterTaxonomies.For(Starter).Select(t => new TopicRow { Key = t.Key, Name = t.Name, Rule = t.Rule })];
        Industry = Starter;
        return await RedisplayAsync(ct);
    }

    /// <summary>Adds a suggested topic as a new row (key and name from the phrase, its proposed rule); nothing is saved.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(string? phrase, string? rule, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!string.IsNullOrWhiteSpace(phrase) && !string.IsNullOrWhiteSpace(rule))
        {
            var key = SlugOf(phrase);
            var taken = Rows.Select(r => r.Key?.Trim()).ToHashSet(StringComparer.Ordinal);
            var unique = key;
            for (var n = 2; taken.Contains(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{key}-{n}");
            }

            Rows.Add(new TopicRow { Key = unique, Name = char.ToUpperInvariant(phrase.Trim()[0]) + phrase.Trim()[1..], Rule = rule.Trim() });
            Accepted = Rows.Count - 1;
        }

        return await RedisplayAsync(ct);
    }

    /// <summary>The action of a suggestion's "add to taxonomy" button.</summary>
    public static string AcceptUrl(TopicSuggestionDto suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        return "/text/taxonomy" + QueryString.Create(new KeyValuePair<string, string?>[] { new("handler", "Accept"), new("phrase", suggestion.Phrase), new("rule", suggestion.Rule) });
    }

    /// <summary>A topic key for a phrase: lower-case ASCII letters and digits, words joined by single hyphens ("click-and-collect").</summary>
    public static string SlugOf(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        // Keys are ASCII slugs: any other character separates words (the app runs with invariant globalization, so accents
        // are not folded; the person edits the key before saving if it reads badly).
        var words = phrase.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray();
        var slug = string.Join('-', new string(words).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "topic" : slug;
    }

    /// <summary>
    /// Analyses <see cref="TryText"/> with the rows as they stand (for text.taxonomy) or the stored taxonomy; returns the
    /// result alone to htmx, the whole page otherwise. Nothing is stored.
    /// </summary>
    public async Task<IActionResult> OnPostTryAsync(CancellationToken ct)
    {
        Stored = await taxonomies.CurrentAsync(ct);
        if (!CanEdit)
        {
            Rows = [.. Stored.Topics.Select(t => new TopicRow { Key = t.Key, Name = t.Name, Rule = t.Rule })];
            (Version, Industry) = (Stored.Version, Stored.Industry);
        }

        Try();
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            return Partial("_TryResult", this);
        }

        Unsaved = !SameAsStored();
        await SuggestAsync(ct);
        return Page();
    }

    /// <summary>The errors of a field of the save ("topics[3].rule"), or none.</summary>
    public IReadOnlyList<string> ErrorsOf(string field) =>
        ModelState.TryGetValue(field, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    /// <summary>Every error with the id of the field it belongs to (null for the taxonomy as a whole).</summary>
    public IEnumerable<(string? FieldId, string Message)> AllErrors() =>
        ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(error => (FieldIdOf(e.Key), error.ErrorMessage)));

    /// <summary>The id of a row's input: "topic-3-rule".</summary>
    public static string FieldId(int index, string part) => string.Create(CultureInfo.InvariantCulture, $"topic-{index}-{part}");

    /// <summary>The level of a topic key: 1 for "billing", 2 for "billing/refunds" (the rows are indented by it).</summary>
    public static int Depth(string? key) => string.IsNullOrEmpty(key) ? 1 : key.Count(c => c == '/') + 1;

    /// <summary>The name the rows give a topic key (the key itself when no row has it).</summary>
    public string NameOf(string key) => Rows.FirstOrDefault(r => string.Equals(r.Key?.Trim(), key, StringComparison.Ordinal))?.Name ?? key;

    private static string? FieldIdOf(string modelKey)
    {
        // "topics[3].rule" -> "topic-3-rule"
        if (!modelKey.StartsWith("topics[", StringComparison.Ordinal))
        {
            return modelKey == nameof(Starter) ? "starter" : null;
        }

        var close = modelKey.IndexOf(']', StringComparison.Ordinal);
        if (close < 0 || !int.TryParse(modelKey.AsSpan(7, close - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var part = modelKey.Length > close + 2 ? modelKey[(close + 2)..] : "rule";
        return FieldId(index, part);
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        Stored = await taxonomies.CurrentAsync(ct);
        Industry ??= Stored.Industry;
        Unsaved = !SameAsStored();
        await SuggestAsync(ct);
        return Page();
    }

    private async Task SuggestAsync(CancellationToken ct)
    {
        var range = await TextRange.ParseAsync(db, clock, null, null, null, null, ct);
        Suggestions = range.IsSuccess ? await suggestions.SuggestAsync(range.Value!, ct) : null;
    }

    private bool SameAsStored() =>
        Stored.Version == Version && string.Equals(Industry, Stored.Industry, StringComparison.Ordinal)
        && Rows.Select(r => r.ToDto()).SequenceEqual(Stored.Topics.Select(t => new TopicDto(t.Key, t.Name, t.Rule)));

    private void Try()
    {
        if (string.IsNullOrWhiteSpace(TryText) || TryText.Length > MaxTryLength)
        {
            TryErrors = [$"Type a comment of 1 to {MaxTryLength.ToString("N0", CultureInfo.InvariantCulture)} characters."];
            return;
        }

        TextAnalyzer analyzer;
        if (CanEdit)
        {
            var compiled = TopicTaxonomy.Compile([.. Rows.Select(r => r.ToDto().ToDefinition())]);
            if (compiled.Taxonomy is null)
            {
                TryErrors = [.. compiled.Errors.Select(e => e.Position >= 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{e.Key}: at character {e.Position + 1}: {e.Message}")
                    : $"{e.Key}: {e.Message}")];
                return;
            }

            analyzer = new TextAnalyzer(compiled.Taxonomy);
        }
        else
        {
            analyzer = analyzers.Get(db.Scope.WorkspaceId, Stored);
        }

        TryResult = analyzer.Analyze(TryText);
    }
}
