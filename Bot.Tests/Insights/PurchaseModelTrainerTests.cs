using CrmBot.Domain.Insights;
using CrmBot.Tests.DemoData;

namespace CrmBot.Tests.Insights;

public sealed class PurchaseModelTrainerTests(DemoShopDatabase shop) : IClassFixture<DemoShopDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnTheDemoShopTheModelKeptBeatsTheRfmBaseline()
    {
        await using var db = shop.NewContext();
        var histories = await new CustomerHistoryQuery(db).AllAsync(Ct);
        var trainer = new PurchaseModelTrainer(new PurchaseModelOptions());

        var training = trainer.Train(histories, DemoShopDatabase.Now.AddDays(-60));

        Assert.Null(training.TooLittleHistory);
        Assert.NotNull(training.Model);
        var baseline = training.Validation.Single(m => m.Model == RfmBaseline.Name);
        var kept = training.Validation.Single(m => m.Model == training.Algorithm);
        Assert.True(kept.Auc > baseline.Auc, $"{kept.Model} {kept.Auc:F3} vs baseline {baseline.Auc:F3}");
    }

    [Fact]
    public async Task TheSavedModelScoresACustomerWithTheFactorsThatMovedTheScore()
    {
        await using var db = shop.NewContext();
        var histories = await new CustomerHistoryQuery(db).AllAsync(Ct);
        var training = new PurchaseModelTrainer(new PurchaseModelOptions()).Train(histories, DemoShopDatabase.Now);
        var folder = Directory.CreateTempSubdirectory("crmbot-models-");
        try
        {
            var store = new PurchaseModelStore(folder.FullName);
            var saved = store.Save(training, DemoShopDatabase.Now);
            var predictor = new PurchasePredictor();
            var (file, model) = store.LoadLatest(predictor.Context)!.Value;
            predictor.Use(file, model);
            var loyal = histories.MaxBy(h => h.Orders.Count(o => o.PlacedAt > DemoShopDatabase.Now.AddDays(-90)))!;
            var lapsed = histories.Where(h => h.Orders.Count > 0).MinBy(h => h.Orders.Max(o => o.PlacedAt))!;

            var loyalScore = predictor.Score(CustomerFeatureExtractor.At(loyal, DemoShopDatabase.Now))!;
            var lapsedScore = predictor.Score(CustomerFeatureExtractor.At(lapsed, DemoShopDatabase.Now))!;

            Assert.Equal(saved.Version, predictor.Current!.Version);
            Assert.Equal(training.Algorithm, file.Algorithm);
            Assert.False(loyalScore.FromBaseline);
            Assert.True(loyalScore.Score > lapsedScore.Score, $"loyal {loyalScore.Score} vs lapsed {lapsedScore.Score}");
            Assert.InRange(loyalScore.Factors.Count, 1, PurchasePredictor.TopFactors);
            Assert.All(loyalScore.Factors, f => Assert.Contains(f.Feature, PurchaseModelCandidate.FeatureNames));
            Assert.Equal(loyalScore.Factors.OrderByDescending(f => Math.Abs(f.Contribution)), loyalScore.Factors);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
