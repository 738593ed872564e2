using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CrmBot.Api;

/// <summary>Declares the API key (the X-Api-Key header) as the document's security scheme, required by every operation.</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKey.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKey.HeaderName,
            Description = $"An API key in the {ApiKey.HeaderName} header, with the read and/or write scope. Make one with `CrmBot api new-key <name>`.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey.Scheme, document)] = [] });
        return Task.CompletedTask;
    }
}
