using System.ComponentModel.DataAnnotations;

namespace CrmBot.Domain.Persistence;

/// <summary>Where the domain database lives (section "Database").</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Which database: <see cref="DatabaseProvider.Sqlite"/> (files in <see cref="DataDirectory"/>) or <see cref="DatabaseProvider.PostgreSql"/> (<see cref="ConnectionString"/> required).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite files (domain, later bot state and jobs); relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>An explicit connection string (required for PostgreSQL); for SQLite, empty means <c>Data Source={DataDirectory}/crmbot.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Fill an empty database with the demo shop on start.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// The demo shop's language: <c>en</c>, an international shop (English product names and notes, some customers
    /// abroad), or <c>zh-CN</c>, a Chinese shop (Chinese product names and notes, every customer in China).
    /// </summary>
    [RegularExpression("^(en|zh-CN)$", ErrorMessage = "Database:DemoShopLanguage is en or zh-CN.")]
    public string DemoShopLanguage { get; set; } = "en";

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.PostgreSql)
        {
            throw new InvalidOperationException("Database:Provider is PostgreSql: set Database:ConnectionString, e.g. Host=db;Database=crmbot;Username=crmbot;Password=...");
        }

        Directory.CreateDirectory(DataDirectory);
        return $"Data Source={Path.Combine(DataDirectory, "crmbot.db")}";
    }
}
