using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Loopwise.Web;

/// <summary>The one place that turns an <see cref="Error"/> into an RFC 7807 response (API) or ModelState (pages).</summary>
public static class Problems
{
    public static ProblemHttpResult ToProblem(this Error error) => error switch
    {
        Error.NotFound e => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        Error.Conflict e => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        Error.Forbidden e => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
        Error.Invalid e => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(e.Fields.ToDictionary())
        {
            Title = "Validation failed",
            Detail = e.Message,
            Status = StatusCodes.Status400BadRequest,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        }),
        _ => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest),
    };

    /// <summary>Copies an error into ModelState so a Razor Page shows it beside the field (or at the top).</summary>
    public static void AddTo(this Error error, ModelStateDictionary modelState, string prefix = "")
    {
        if (error is Error.Invalid invalid)
        {
            foreach (var (field, messages) in invalid.Fields)
            {
                foreach (var message in messages)
                {
                    modelState.AddModelError(prefix.Length == 0 ? field : $"{prefix}.{field}", message);
                }
            }
        }
        else
        {
            modelState.AddModelError(string.Empty, error.Message);
        }
    }
}
