using System.Globalization;

namespace Loopwise.Data;

/// <summary>
/// Parameter values for raw SQL that must match what EF Core stores: on SQLite, EF keeps a <see cref="Guid"/> as
/// upper-case TEXT, a <see cref="DateOnly"/> as <c>yyyy-MM-dd</c> and a <see cref="DateTime"/> as
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>; PostgreSQL takes the CLR values as they are.
/// </summary>
public readonly struct SqlValue(bool postgres)
{
    public object Of(Guid value) => postgres ? value : value.ToString().ToUpperInvariant();

    public object Of(Guid? value) => value is { } v ? Of(v) : DBNull.Value;

    public object Of(DateOnly value) => postgres ? value : value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public object Of(DateTime value) => postgres
        ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
        : value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public object Of(DateTime? value) => value is { } v ? Of(v) : DBNull.Value;

    public static object Of(string? value) => value is null ? DBNull.Value : value;
}
