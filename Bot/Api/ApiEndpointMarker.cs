namespace CrmBot.Api;

/// <summary>Endpoint metadata on everything under /api/v1, so that <see cref="ApiExceptionHandler"/> answers only for the API.</summary>
public sealed class ApiEndpointMarker
{
    public static ApiEndpointMarker Instance { get; } = new();

    private ApiEndpointMarker()
    {
    }
}
