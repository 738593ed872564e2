using CrmBot.Language;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBot.Understanding;

public static class UnderstandingExtensions
{
    /// <summary>
    /// The recogniser (<see cref="IUtteranceRecognizer"/>) with the keyword rules as its intent classifier; more
    /// classifiers can be added as <see cref="IIntentClassifier"/>. Its models are loaded in the background at start.
    /// </summary>
    public static IHostApplicationBuilder AddUnderstanding(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IIntentClassifier, RuleIntentClassifier>());
        builder.Services.TryAddSingleton<UtteranceRecognizer>();
        builder.Services.TryAddSingleton<IUtteranceRecognizer>(services => services.GetRequiredService<UtteranceRecognizer>());
        builder.Services.AddOptions<LanguageOptions>();
        builder.Services.AddHostedService<RecognizerWarmUp>();
        return builder;
    }
}
