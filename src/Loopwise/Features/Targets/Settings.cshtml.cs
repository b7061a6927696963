using System.Globalization;
using Loopwise.Core.Kpis;
using Loopwise.Features.Users;
using Loopwise.Web;
using Loopwise.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Loopwise.Features.Targets;

/// <summary><c>/settings/targets</c>: every KPI's default and effective target, an edit form per KPI and a reset to the default.</summary>
[Authorize(Policy = Permissions.DashboardsRead)]
public sealed class SettingsModel(KpiTargetStore targets) : PageModel
{
    /// <summary>The edit form: numbers as typed (parsed invariantly), operators as symbols, an empty operator for none.</summary>
    public sealed class TargetForm
    {
        public string? TargetOp { get; set; }

        public string? TargetValue { get; set; }

        public string? TargetLow { get; set; }

        public string? TargetHigh { get; set; }

        public string? BenchmarkOp { get; set; }

        public string? BenchmarkValue { get; set; }

        public string? BenchmarkLow { get; set; }

        public string? BenchmarkHigh { get; set; }

        public string? ActionOp { get; set; }

        public string? ActionValue { get; set; }

        public string? ActionLow { get; set; }

        public string? ActionHigh { get; set; }

        public string? MinN { get; set; }

        public bool Enabled { get; set; } = true;

        public string? Variant { get; set; }

        public string? WindowDays { get; set; }

        public string? Clock { get; set; }

        public string? ShortAbandonSeconds { get; set; }

        public string? Note { get; set; }

        /// <summary>A threshold field by name (TargetOp, ActionValue...), for the form's repeated fieldsets.</summary>
        public string? Field(string name) => name switch
        {
            nameof(TargetOp) => TargetOp,
            nameof(TargetValue) => TargetValue,
            nameof(TargetLow) => TargetLow,
            nameof(TargetHigh) => TargetHigh,
            nameof(BenchmarkOp) => BenchmarkOp,
            nameof(BenchmarkValue) => BenchmarkValue,
            nameof(BenchmarkLow) => BenchmarkLow,
            nameof(BenchmarkHigh) => BenchmarkHigh,
            nameof(ActionOp) => ActionOp,
            nameof(ActionValue) => ActionValue,
            nameof(ActionLow) => ActionLow,
            nameof(ActionHigh) => ActionHigh,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    [BindProperty]
    public TargetForm Input { get; set; } = new();

    public IReadOnlyList<KpiTargetView> Items { get; private set; } = [];

    /// <summary>The KPI whose form is open, or null.</summary>
    public KpiTargetView? Editing { get; private set; }

    public bool CanWrite => User.HasClaim(Permissions.ClaimType, TargetsApi.ChangePermission);

    public async Task<IActionResult> OnGetAsync(string? edit, CancellationToken ct)
    {
        Items = await targets.ListAsync(ct);
        if (edit is not null)
        {
            Editing = Items.FirstOrDefault(i => string.Equals(i.Kpi, edit, StringComparison.Ordinal));
            if (Editing is null)
            {
                return NotFound();
            }

            Input = FormOf(Editing.Effective);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? kpi, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var input = Read(Input);
        if (ModelState.IsValid && input is not null)
        {
            var result = await targets.SaveAsync(kpi ?? string.Empty, input, User.Actor(), ct);
            if (result.IsSuccess)
            {
                var warnings = result.Value!.Warnings;
                TempData["Flash"] = warnings.Count == 0
                    ? $"Target of {result.Value.Label} saved."
                    : $"Target of {result.Value.Label} saved with {warnings.Count} warning(s): {string.Join(" ", warnings.Select(w => w.Message))}";
                return RedirectToPage(new { edit = result.Value.Kpi });
            }

            if (result.Error is Error.NotFound)
            {
                return NotFound();
            }

            AddErrors(result.Error!);
        }

        Items = await targets.ListAsync(ct);
        Editing = Items.FirstOrDefault(i => string.Equals(i.Kpi, KpiTargetStore.Find(kpi)?.Id.Value, StringComparison.Ordinal));
        return Editing is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string? kpi, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var result = await targets.ResetAsync(kpi ?? string.Empty, User.Actor(), ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        TempData["Flash"] = $"Target of {result.Value!.Label} reset to the default.";
        return RedirectToPage();
    }

    /// <summary>The form field named by an issue's field (<c>target.value</c> → <c>TargetValue</c>), or null for the summary.</summary>
    public static string? FieldOf(string field)
    {
        var name = string.Concat(field.Split('.', '_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        name = name is "Target" or "Benchmark" or "Action" ? name + "Op" : name;
        return typeof(TargetForm).GetProperty(name) is null ? null : name;
    }

    public static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private void AddErrors(Error error)
    {
        if (error is not Error.Invalid invalid)
        {
            ModelState.AddModelError(string.Empty, error.Message);
            return;
        }

        foreach (var (path, messages) in invalid.Fields)
        {
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            var field = FieldOf(dot < 0 ? path : path[(dot + 1)..]);
            foreach (var message in messages)
            {
                ModelState.AddModelError(field is null ? string.Empty : "Input." + field, message);
            }
        }
    }

    private KpiTargetInput? Read(TargetForm form)
    {
        var input = new KpiTargetInput(
            Threshold(form.TargetOp, form.TargetValue, form.TargetLow, form.TargetHigh, "Target"),
            Threshold(form.BenchmarkOp, form.BenchmarkValue, form.BenchmarkLow, form.BenchmarkHigh, "Benchmark"),
            Threshold(form.ActionOp, form.ActionValue, form.ActionLow, form.ActionHigh, "Action"),
            MinN: (int?)Parse(form.MinN, nameof(TargetForm.MinN), whole: true),
            Enabled: form.Enabled,
            Settings: new KpiTargetSettingsInput(
                Blank(form.Variant), (int?)Parse(form.WindowDays, nameof(TargetForm.WindowDays), whole: true), Blank(form.Clock),
                Parse(form.ShortAbandonSeconds, nameof(TargetForm.ShortAbandonSeconds))),
            Note: form.Note);
        return ModelState.IsValid ? input : null;
    }

    private ThresholdInput? Threshold(string? op, string? value, string? low, string? high, string prefix)
    {
        var parsed = new ThresholdInput(Blank(op), Parse(value, prefix + "Value"), Parse(low, prefix + "Low"), Parse(high, prefix + "High"));
        return parsed.Op is null ? null : parsed;
    }

    private double? Parse(string? text, string field, bool whole = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            && (!whole || (value == Math.Floor(value) && Math.Abs(value) <= int.MaxValue)))
        {
            return value;
        }

        ModelState.AddModelError("Input." + field, whole ? "Enter a whole number, e.g. 30." : "Enter a number, e.g. 65 or 2.5.");
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static TargetForm FormOf(KpiTargetEntryDto? entry) => entry is null ? new TargetForm() : new TargetForm
    {
        TargetOp = entry.Target?.Op,
        TargetValue = Number(entry.Target?.Value),
        TargetLow = Number(entry.Target?.Low),
        TargetHigh = Number(entry.Target?.High),
        BenchmarkOp = entry.Benchmark?.Op,
        BenchmarkValue = Number(entry.Benchmark?.Value),
        BenchmarkLow = Number(entry.Benchmark?.Low),
        BenchmarkHigh = Number(entry.Benchmark?.High),
        ActionOp = entry.Action?.Op,
        ActionValue = Number(entry.Action?.Value),
        ActionLow = Number(entry.Action?.Low),
        ActionHigh = Number(entry.Action?.High),
        MinN = entry.MinN?.ToString(CultureInfo.InvariantCulture),
        Enabled = entry.Enabled,
        Variant = entry.Settings.Variant,
        WindowDays = entry.Settings.WindowDays?.ToString(CultureInfo.InvariantCulture),
        Clock = entry.Settings.Clock,
        ShortAbandonSeconds = Number(entry.Settings.ShortAbandonSeconds),
        Note = entry.Note,
    };

    /// <summary>The applicable settings of a KPI, as the validator sees them (others are ignored with a warning).</summary>
    public static (bool Variant, bool Window, bool Clock, bool ShortAbandon) SettingsOf(KpiTargetView view) =>
        (view.Kpi == KpiId.Fcr.Value, view.Kpi == KpiId.Fcr.Value, view.Unit == KpiUnit.Hours, view.Kpi == KpiId.AbandonmentRate.Value);
}
