using CrmBot.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmBot.Tests.Understanding;

public sealed class UnderstandingRegistrationTests
{
    [Fact]
    public void RegistersOneRecognizerForDialogsToInject()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddUnderstanding();
        builder.AddUnderstanding();
        using var host = builder.Build();

        var recognizer = host.Services.GetRequiredService<IUtteranceRecognizer>();

        Assert.Same(recognizer, host.Services.GetRequiredService<IUtteranceRecognizer>());
        Assert.IsType<RuleIntentClassifier>(Assert.Single(host.Services.GetServices<IIntentClassifier>()));
        Assert.Equal(Intent.TrackOrder, recognizer.Recognize("track SO-10042", new RecognitionContext { Locale = "en-US" }).Intent);
    }

    [Fact]
    public void LoadsTheRecognisersModelsInTheBackgroundAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddUnderstanding();
        using var host = builder.Build();

        Assert.Contains(host.Services.GetServices<IHostedService>(), service => service.GetType().Name == "RecognizerWarmUp");
    }
}
