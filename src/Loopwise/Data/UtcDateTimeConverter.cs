using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Loopwise.Data;

/// <summary>Stores instants as UTC and restores <see cref="DateTimeKind.Utc"/> when reading (SQLite keeps no kind).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
