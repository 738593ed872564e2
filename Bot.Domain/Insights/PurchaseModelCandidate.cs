using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace CrmBot.Domain.Insights;

/// <summary>
/// A kind of model the trainer compares: features assembled (and scaled, for the linear one), a calibrated binary
/// trainer, and, in the model it keeps, each feature's contribution to a customer's score, to explain it.
/// </summary>
public abstract class PurchaseModelCandidate(string name)
{
    public const string FeaturesColumn = "Features";
    public const string ContributionsColumn = "FeatureContributions";

    /// <summary>The model's inputs, in the order of the Features vector.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
        [.. typeof(CustomerFeatures).GetProperties().Select(p => p.Name).Where(n => n != nameof(CustomerFeatures.Label))];

    public string Name => name;

    public static IReadOnlyList<PurchaseModelCandidate> All { get; } =
    [
        new Calibrated<FastTreeBinaryModelParameters>("FastTree", scale: false, ml => ml.BinaryClassification.Trainers.FastTree(
            new FastTreeBinaryTrainer.Options { NumberOfLeaves = 16, NumberOfTrees = 100, MinimumExampleCountPerLeaf = 20, LearningRate = 0.1 })),
        new Calibrated<LightGbmBinaryModelParameters>("LightGBM", scale: false, ml => ml.BinaryClassification.Trainers.LightGbm(
            new LightGbmBinaryTrainer.Options { NumberOfLeaves = 16, NumberOfIterations = 100, MinimumExampleCountPerLeaf = 20, LearningRate = 0.1, NumberOfThreads = 1, Seed = 1 })),
        new Calibrated<LinearBinaryModelParameters>("Logistic regression", scale: true, ml => ml.BinaryClassification.Trainers.LbfgsLogisticRegression()),
    ];

    /// <summary>Trains on the examples; with <paramref name="explain"/>, the model also outputs <see cref="ContributionsColumn"/>.</summary>
    public abstract ITransformer Fit(MLContext ml, IDataView examples, bool explain);

    private sealed class Calibrated<TModel>(
        string name, bool scale, Func<MLContext, IEstimator<BinaryPredictionTransformer<CalibratedModelParametersBase<TModel, PlattCalibrator>>>> trainer)
        : PurchaseModelCandidate(name)
        where TModel : class, ICalculateFeatureContribution
    {
        public override ITransformer Fit(MLContext ml, IDataView examples, bool explain)
        {
            IEstimator<ITransformer> assemble = ml.Transforms.Concatenate(FeaturesColumn, [.. FeatureNames]);
            if (scale)
            {
                assemble = assemble.Append(ml.Transforms.NormalizeMinMax(FeaturesColumn));
            }

            var features = assemble.Fit(examples);
            var assembled = features.Transform(examples);
            var predictor = trainer(ml).Fit(assembled);
            if (!explain)
            {
                return features.Append(predictor);
            }

            var contributions = ml.Transforms.CalculateFeatureContribution(predictor, numberOfPositiveContributions: FeatureNames.Count, numberOfNegativeContributions: FeatureNames.Count)
                .Fit(predictor.Transform(assembled));
            return features.Append(predictor).Append(contributions);
        }
    }
}
