namespace Loopwise.Web;

/// <summary>An expected failure, as a value (not an exception). <see cref="Problems"/> maps each kind to RFC 7807.</summary>
public abstract record Error(string Message)
{
    public sealed record NotFound(string Message) : Error(Message);

    public sealed record Conflict(string Message) : Error(Message);

    public sealed record Forbidden(string Message) : Error(Message);

    /// <summary>Input that breaks a rule; <paramref name="Fields"/> maps a field path to its messages.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Fields, string Message = "One or more fields are invalid.") : Error(Message)
    {
        public static Invalid Field(string path, string message) => new(new Dictionary<string, string[]> { [path] = [message] });
    }
}

/// <summary>The outcome of a use case: a value or an <see cref="Error"/>.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}

/// <summary>Helpers for <see cref="Result{T}"/>.</summary>
public static class Result
{
    /// <summary>A success; for values of interface types, which C# gives no implicit conversion.</summary>
    public static Result<T> Ok<T>(T value) => value;
}
