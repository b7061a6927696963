using System.Data.Common;
using System.Globalization;
using System.Text;
using Loopwise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Loopwise.Features.Commerce;

/// <summary>The storage type of a raw-SQL column, so values are written exactly as EF Core reads them back.</summary>
public enum SqlType
{
    Uuid,
    Text,
    BigInt,
    Int,
    Timestamp,
    Date,
}

/// <summary>A column of a raw-SQL insert.</summary>
public sealed record SqlColumn(string Name, SqlType Type);

/// <summary>
/// Multi-row inserts and rollup upserts for the commerce facts, in the current transaction, bypassing EF change
/// tracking like <see cref="Responses.ResponseWriter"/>: on PostgreSQL one statement per table with the rows as
/// arrays (<c>unnest</c>), on SQLite prepared multi-row INSERTs of a few rows each.
/// </summary>
public sealed class FactSql(LoopwiseDbContext db)
{
    private const int SqliteRowsPerInsert = 16;

    /// <summary>
    /// Inserts <paramref name="rows"/> (values in column order, CLR values; null for NULL). <paramref name="onConflict"/>
    /// is appended as is, e.g. <c>ON CONFLICT DO NOTHING</c>, or null.
    /// </summary>
    public async Task InsertAsync(string table, IReadOnlyList<SqlColumn> columns, IReadOnlyList<object?[]> rows, string? onConflict, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        var names = string.Join(", ", columns.Select(c => c.Name));
        if (db.IsPostgres)
        {
            await using var command = (NpgsqlCommand)NewCommand();
            var sql = new StringBuilder($"INSERT INTO {table} ({names}) SELECT * FROM unnest(");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = "c" + c.ToString(CultureInfo.InvariantCulture);
                sql.Append(c == 0 ? "@" : ", @").Append(name);
                command.Parameters.Add(ArrayParameter(name, columns[c].Type, rows, c));
            }

            sql.Append(") AS x(").Append(names).Append(')');
            if (onConflict is not null)
            {
                sql.Append(' ').Append(onConflict);
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
            return;
        }

        var values = new SqlValue(postgres: false);
        for (var start = 0; start < rows.Count; start += SqliteRowsPerInsert)
        {
            var count = Math.Min(SqliteRowsPerInsert, rows.Count - start);
            await using var command = NewCommand();
            var sql = new StringBuilder($"INSERT INTO {table} ({names}) VALUES ");
            var n = 0;
            for (var r = start; r < start + count; r++)
            {
                sql.Append(r == start ? "(" : ",(");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "$p" + n.ToString(CultureInfo.InvariantCulture);
                    n++;
                    sql.Append(c == 0 ? string.Empty : ",").Append(name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = SqliteValue(values, columns[c].Type, rows[r][c]);
                    command.Parameters.Add(parameter);
                }

                sql.Append(')');
            }

            if (onConflict is not null)
            {
                sql.Append(' ').Append(onConflict);
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Adds <paramref name="rows"/> to a rollup: key columns, then summed columns; each key once (callers aggregate),
    /// sorted by the caller so concurrent writers lock rows in one order.
    /// </summary>
    public Task UpsertSumsAsync(string table, IReadOnlyList<SqlColumn> keys, IReadOnlyList<string> sums, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        var conflict = $"ON CONFLICT ({string.Join(", ", keys.Select(k => k.Name))}) DO UPDATE SET " +
            string.Join(", ", sums.Select(s => $"{s} = {table}.{s} + excluded.{s}"));
        return InsertAsync(table, [.. keys, .. sums.Select(s => new SqlColumn(s, SqlType.BigInt))], rows, conflict, ct);
    }

    /// <summary>Runs one statement with named parameters (<c>@name</c> on both providers).</summary>
    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<(string Name, SqlType Type, object? Value)> parameters, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = NewCommand();
        command.CommandText = sql;
        var values = new SqlValue(db.IsPostgres);
        foreach (var (name, type, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = db.IsPostgres ? value ?? DBNull.Value : SqliteValue(values, type, value);
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }

    private static object SqliteValue(SqlValue values, SqlType type, object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => values.Of(g),
        DateTime d => values.Of(d),
        DateOnly d => values.Of(d),
        _ when type == SqlType.Int => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    private static NpgsqlParameter ArrayParameter(string name, SqlType type, IReadOnlyList<object?[]> rows, int column)
    {
        object array = type switch
        {
            SqlType.Uuid => rows.Select(r => (Guid?)r[column]).ToArray(),
            SqlType.Text => rows.Select(r => (string?)r[column]).ToArray(),
            SqlType.BigInt => rows.Select(r => r[column] is null ? (long?)null : Convert.ToInt64(r[column], CultureInfo.InvariantCulture)).ToArray(),
            SqlType.Int => rows.Select(r => r[column] is null ? (int?)null : Convert.ToInt32(r[column], CultureInfo.InvariantCulture)).ToArray(),
            SqlType.Timestamp => rows.Select(r => r[column] is DateTime d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : (DateTime?)null).ToArray(),
            _ => rows.Select(r => (DateOnly?)r[column]).ToArray(),
        };
        var dbType = type switch
        {
            SqlType.Uuid => NpgsqlDbType.Uuid,
            SqlType.Text => NpgsqlDbType.Text,
            SqlType.BigInt => NpgsqlDbType.Bigint,
            SqlType.Int => NpgsqlDbType.Integer,
            SqlType.Timestamp => NpgsqlDbType.TimestampTz,
            _ => NpgsqlDbType.Date,
        };
        return new NpgsqlParameter(name, NpgsqlDbType.Array | dbType) { Value = array };
    }

    private DbCommand NewCommand()
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
