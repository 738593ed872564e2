using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CrmBot.Domain.Persistence;

internal static class CommandErrorLogging
{
    /// <summary>
    /// Logs a failed command at Information, not Error: the app expects some and handles them (a unique key that
    /// refuses a second claim of a proactive message or a channel's retried activity; the migrations history read
    /// before a new PostgreSQL database has the table), and one it does not handle reaches the host's own error
    /// logging as an exception. Operators who alert on Error are not paged for normal operation.
    /// </summary>
    public static DbContextOptionsBuilder LogCommandErrorsAsInformation(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Information),
            (CoreEventId.SaveChangesFailed, LogLevel.Information)));
}
