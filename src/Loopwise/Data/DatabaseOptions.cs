namespace Loopwise.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The one connection setting (<c>--db</c>, <c>LOOPWISE_DB</c>, or <c>Db</c> in configuration). A PostgreSQL
/// connection string (<c>Host=...</c>) or URL (<c>postgres://...</c>) selects PostgreSQL; anything else is a SQLite
/// file path or SQLite connection string. The default is <c>./data/loopwise.db</c>.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlitePath = "data/loopwise.db";

    public static DatabaseOptions Parse(string? setting)
    {
        var value = string.IsNullOrWhiteSpace(setting) ? DefaultSqlitePath : setting.Trim();

        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Postgres, FromUrl(new Uri(value)));
        }

        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Postgres, value);
        }

        if (value.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
            || value.Contains("DataSource=", StringComparison.OrdinalIgnoreCase)
            || value.Contains("Filename=", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Sqlite, value);
        }

        var path = value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? value["sqlite:".Length..] : value;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new(DatabaseProvider.Sqlite, $"Data Source={path}");
    }

    private static string FromUrl(Uri url)
    {
        var userInfo = url.UserInfo.Split(':', 2);
        var database = url.AbsolutePath.Trim('/');
        var port = url.Port > 0 ? url.Port : 5432;
        var builder = new System.Text.StringBuilder();
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"Host={url.Host};Port={port};Database={database}");
        if (userInfo[0].Length > 0)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $";Username={Uri.UnescapeDataString(userInfo[0])}");
        }

        if (userInfo.Length > 1)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $";Password={Uri.UnescapeDataString(userInfo[1])}");
        }

        return builder.ToString();
    }
}
