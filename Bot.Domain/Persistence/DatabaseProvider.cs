namespace CrmBot.Domain.Persistence;

/// <summary>The database the domain, the bot state and the jobs live in (Database:Provider).</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
