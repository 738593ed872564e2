using Microsoft.Extensions.Compliance.Classification;

namespace CrmBot.Privacy;

public static class RedactionExtensions
{
    /// <summary>
    /// Personal data stays out of the logs: parameters classified <see cref="PersonalDataAttribute"/> are masked by
    /// <see cref="PersonalDataRedactor"/> (exceptions are logged through <see cref="RedactedException"/>).
    /// </summary>
    public static IHostApplicationBuilder AddLogRedaction(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPersonalDataRedaction();
        builder.Logging.EnableRedaction();
        return builder;
    }

    /// <summary>Registers <see cref="UnexpectedErrorHandler"/>; call it after every feature's own exception handler, since handlers are tried in order.</summary>
    public static IHostApplicationBuilder AddUnexpectedErrorHandler(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddExceptionHandler<UnexpectedErrorHandler>();
        return builder;
    }

    public static IServiceCollection AddPersonalDataRedaction(this IServiceCollection services) =>
        services.AddRedaction(redaction => redaction.SetRedactor<PersonalDataRedactor>(new DataClassificationSet(PrivacyTaxonomy.PersonalData)));

    /// <summary>The exception as logs may show it (see <see cref="RedactedException"/>).</summary>
    public static RedactedException Redacted(this Exception exception) => RedactedException.Of(exception);
}
