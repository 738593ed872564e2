using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace CrmBot.Api;

/// <summary>
/// Validation names a field by its C# path ("Address.City"); a client sent JSON, so each error is keyed by the JSON
/// path it knows ("address.city").
/// </summary>
internal static class ValidationErrorNames
{
    public static void UseJsonNames(ProblemDetails problem)
    {
        if (problem is not HttpValidationProblemDetails validation || validation.Errors.Count == 0)
        {
            return;
        }

        var renamed = validation.Errors.ToDictionary(e => ToJsonPath(e.Key), e => e.Value, StringComparer.Ordinal);
        validation.Errors.Clear();
        foreach (var (field, messages) in renamed)
        {
            validation.Errors[field] = messages;
        }
    }

    private static string ToJsonPath(string path) =>
        string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
