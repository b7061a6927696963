using System.Text;
using System.Text.Encodings.Web;

namespace Loopwise.Features.Respond;

/// <summary>
/// Writes HTML into one buffer, encoding every text and attribute value with <see cref="HtmlEncoder.Default"/> (as
/// Razor does). Attributes follow Razor's conventions: a null value leaves the attribute out, a boolean attribute is
/// written as <c>name="name"</c> when true and left out when false.
/// </summary>
internal sealed class HtmlBuilder(int capacity = 8 * 1024)
{
    private readonly StringBuilder _html = new(capacity);

    /// <summary>Markup written as is: only ever constant strings or markup built here.</summary>
    public HtmlBuilder Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlBuilder Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _html.Append(HtmlEncoder.Default.Encode(text));
        }

        return this;
    }

    /// <summary><c> name="value"</c>, or nothing when the value is null.</summary>
    public HtmlBuilder Attr(string name, string? value)
    {
        if (value is not null)
        {
            _html.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value)).Append('"');
        }

        return this;
    }

    /// <summary>A boolean attribute: <c> name="name"</c> when set, nothing otherwise.</summary>
    public HtmlBuilder Flag(string name, bool set)
    {
        if (set)
        {
            _html.Append(' ').Append(name).Append("=\"").Append(name).Append('"');
        }

        return this;
    }

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(_html.ToString());

    public override string ToString() => _html.ToString();
}
