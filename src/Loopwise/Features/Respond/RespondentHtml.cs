using System.Globalization;
using Loopwise.Core.Surveys;

namespace Loopwise.Features.Respond;

/// <summary>
/// The markup of the respondent pages: written directly rather than through Razor, because these are the pages
/// every customer sees and the busiest of the product (see docs/adr). Plain HTML forms, no script, one stylesheet.
/// </summary>
internal static class RespondentHtml
{
    /// <summary>The whole document around a page body.</summary>
    public static void Document(HtmlBuilder html, string language, string title, bool embed, string stylesheet, string? refresh, Action<HtmlBuilder> body)
    {
        html.Raw("<!DOCTYPE html>\n<html").Attr("lang", language).Raw(">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n");
        if (refresh is not null)
        {
            html.Raw("<meta http-equiv=\"refresh\"").Attr("content", refresh).Raw(">\n");
        }

        html.Raw("<title>").Text(title).Raw("</title>\n<link rel=\"stylesheet\"").Attr("href", stylesheet).Raw(">\n</head>\n")
            .Raw(embed ? "<body class=\"survey-page embed\">\n" : "<body class=\"survey-page\">\n")
            .Raw("<main class=\"survey\">\n");
        body(html);
        if (!embed)
        {
            html.Raw("<footer class=\"survey-footer\"><p>Loopwise</p></footer>\n");
        }

        html.Raw("</main>\n</body>\n</html>\n");
    }

    /// <summary>A heading and a notice (thank you, not found, closed...).</summary>
    public static void Notice(HtmlBuilder html, string title, string text, bool status = false)
    {
        html.Raw("<h1>").Text(title).Raw("</h1>\n<p class=\"notice\"").Attr("role", status ? "status" : null).Raw(">").Text(text).Raw("</p>\n");
    }

    /// <summary>A survey page: header, language switcher, error summary, then the form with this page's questions.</summary>
    public static void Survey(HtmlBuilder html, RespondentPage page)
    {
        if (page.Message is { } message)
        {
            Notice(html, message.Title, message.Text);
            return;
        }

        var t = page.Texts;
        var session = page.Session!;
        var definition = session.Definition;
        var lang = page.Language;
        var fallback = definition.DefaultLanguage;
        var embed = page.Query.IsEmbed;

        html.Raw("<header class=\"survey-header\">\n");
        if (!embed)
        {
            html.Raw("<p class=\"survey-brand\">").Text(session.Workspace.Name).Raw("</p>\n");
        }

        html.Raw("<h1>").Text(page.Title).Raw("</h1>\n</header>\n");
        if (definition.Languages.Count > 1)
        {
            html.Raw("<nav").Attr("aria-label", t.Language).Raw("><ul class=\"languages\">\n");
            foreach (var language in definition.Languages)
            {
                var current = string.Equals(language, lang, StringComparison.OrdinalIgnoreCase);
                html.Raw("<li><a").Attr("href", page.LanguageUrl(language)).Attr("hreflang", language).Attr("lang", language)
                    .Attr("aria-current", current ? "true" : null).Raw(">").Text(LanguageNames.Of(language)).Raw("</a></li>\n");
            }

            html.Raw("</ul></nav>\n");
        }

        if (page.Errors.Count > 0)
        {
            html.Raw("<div class=\"error-summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus>\n<h2>").Text(t.ProblemHeading).Raw("</h2>\n<ul>\n");
            foreach (var question in page.Questions.Where(q => page.Errors.ContainsKey(q.Id)))
            {
                html.Raw("<li><a").Attr("href", "#" + QuestionMarkup.FirstInputId(question)).Raw(">")
                    .Text(page.Errors[question.Id]).Raw(": ").Text(question.Text.Get(lang, fallback)).Raw("</a></li>\n");
            }

            html.Raw("</ul>\n</div>\n");
        }

        if (page.PageIndex == 0 && definition.Intro is { } intro)
        {
            html.Raw("<p>").Text(intro.Get(lang, fallback)).Raw("</p>\n");
        }

        html.Raw("<form method=\"post\"").Attr("action", page.ActionUrl).Raw(" class=\"survey-form\" novalidate>\n");
        if (page.Antiforgery is { RequestToken: { } token } tokens)
        {
            html.Raw("<input").Attr("name", tokens.FormFieldName).Raw(" type=\"hidden\"").Attr("value", token).Raw(">");
        }

        html.Raw("\n<input type=\"hidden\" name=\"page\"").Attr("value", page.PageIndex.ToString(CultureInfo.InvariantCulture)).Raw(">\n")
            .Raw("<input type=\"hidden\" name=\"resume\"").Attr("value", page.ResumeToken ?? string.Empty).Raw(">\n");
        foreach (var question in page.Questions)
        {
            Question(html, page, question, lang, fallback);
        }

        html.Raw("<button type=\"submit\" class=\"submit\">").Text(page.HasNextPage ? t.Next : t.Submit).Raw("</button>\n</form>\n");
    }

    private static void Question(HtmlBuilder html, RespondentPage page, Question question, string lang, string fallback)
    {
        var t = page.Texts;
        var id = question.Id;
        var name = AnswerForm.FieldName(question);
        var values = page.Values.GetValueOrDefault(id) ?? [];
        var error = page.Errors.GetValueOrDefault(id);
        var text = question.Text.Get(lang, fallback);
        var help = question.Help?.Get(lang, fallback);
        var describedBy = Join(help is null ? null : "h-" + id, error is null ? null : "e-" + id);
        var invalid = error is null ? null : "true";
        var required = question.Required;
        var label = required ? text : text + " " + t.Optional;
        var cls = error is null ? "q" : "q has-error";
        if (question.Type == QuestionType.Text)
        {
            html.Raw("<div").Attr("class", cls).Raw(">\n<label").Attr("for", "a-" + id).Raw(">").Text(label).Raw("</label>\n");
            HintAndError(html, id, help, error);
            html.Raw("<textarea").Attr("id", "a-" + id).Attr("name", name)
                .Attr("maxlength", question.EffectiveMaxLength.ToString(CultureInfo.InvariantCulture)).Raw(" rows=\"4\"")
                .Flag("required", required).Attr("aria-invalid", invalid).Attr("aria-describedby", describedBy).Raw(">")
                .Text(values.Count > 0 ? values[0] : null).Raw("</textarea>\n</div>\n");
            return;
        }

        var scale = question.ResolveScale();
        var pointLabels = scale is null ? null : t.PointLabels(scale);
        var numeric = scale is not null && pointLabels is null;
        if (numeric)
        {
            describedBy = Join("s-" + id, describedBy);
        }

        html.Raw("<fieldset").Attr("class", cls).Attr("aria-describedby", describedBy).Raw(">\n<legend>").Text(label).Raw("</legend>\n");
        HintAndError(html, id, help, error);
        if (numeric)
        {
            var ends = t.Ends(scale!);
            html.Raw("<p class=\"visually-hidden\"").Attr("id", "s-" + id).Raw(">")
                .Text(Number(scale!.Min)).Raw(" = ").Text(ends.Low).Raw(", ").Text(Number(scale.Max)).Raw(" = ").Text(ends.High).Raw("</p>\n")
                .Raw(question.Type == QuestionType.Nps ? "<div class=\"scale nps\">\n" : "<div class=\"scale\">\n");
            for (var v = scale.Min; v <= scale.Max; v++)
            {
                var value = Number(v);
                Choice(html, "radio", $"a-{id}-{value}", name, value, values.Contains(value), required, invalid);
                html.Raw("<label").Attr("for", $"a-{id}-{value}").Raw(">").Text(value).Raw("</label>\n");
            }

            html.Raw("</div>\n<div class=\"scale-ends\" aria-hidden=\"true\"><span>").Text(ends.Low).Raw("</span><span>").Text(ends.High).Raw("</span></div>\n");
        }
        else
        {
            html.Raw("<div class=\"choices\">\n");
            if (pointLabels is not null)
            {
                for (var v = scale!.Min; v <= scale.Max; v++)
                {
                    var value = Number(v);
                    html.Raw("<label>");
                    Choice(html, "radio", $"a-{id}-{value}", name, value, values.Contains(value), required, invalid);
                    html.Raw(" ").Text(pointLabels[v - scale.Min]).Raw("</label>\n");
                }
            }
            else
            {
                var kind = question.Type == QuestionType.MultipleChoice ? "checkbox" : "radio";
                for (var i = 0; i < question.Choices.Count; i++)
                {
                    var choice = question.Choices[i];
                    html.Raw("<label>");
                    Choice(html, kind, $"a-{id}-{Number(i)}", name, choice.Value, values.Contains(choice.Value), required && kind == "radio", invalid);
                    html.Raw(" ").Text(choice.Text.Get(lang, fallback)).Raw("</label>\n");
                }
            }

            html.Raw("</div>\n");
        }

        html.Raw("</fieldset>\n");
    }

    private static void Choice(HtmlBuilder html, string kind, string id, string name, string value, bool isChecked, bool required, string? invalid) =>
        html.Raw("<input").Attr("type", kind).Attr("id", id).Attr("name", name).Attr("value", value)
            .Flag("checked", isChecked).Flag("required", required).Attr("aria-invalid", invalid).Raw(">");

    private static void HintAndError(HtmlBuilder html, string id, string? help, string? error)
    {
        if (help is not null)
        {
            html.Raw("<p class=\"q-hint\"").Attr("id", "h-" + id).Raw(">").Text(help).Raw("</p>\n");
        }

        if (error is not null)
        {
            html.Raw("<p class=\"q-error\"").Attr("id", "e-" + id).Raw(">").Text(error).Raw("</p>\n");
        }
    }

    private static string? Join(params string?[] ids)
    {
        var joined = string.Join(' ', ids.Where(i => !string.IsNullOrEmpty(i)));
        return joined.Length == 0 ? null : joined;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
