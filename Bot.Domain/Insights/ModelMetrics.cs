namespace CrmBot.Domain.Insights;

/// <summary>How well a model's scores ranked and how honest its probabilities were, on customers it had not seen.</summary>
public sealed record ModelMetrics(
    string Model,
    double Auc,
    double PrAuc,
    double LogLoss,
    int Customers,
    double PositiveRate,
    IReadOnlyList<CalibrationBin> Calibration);

/// <summary>One row of a reliability table: customers whose predicted probability fell in [From, To), what was predicted on average and what happened.</summary>
public sealed record CalibrationBin(double From, double To, int Customers, double MeanPredicted, double Observed);
