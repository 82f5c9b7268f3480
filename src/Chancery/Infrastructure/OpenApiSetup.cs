using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Chancery.Infrastructure;

public static class OpenApiSetup
{
    public static IServiceCollection AddChanceryOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurity>());

    /// <summary>Describes the bearer token so the reference page and generated clients send it.</summary>
    private sealed class BearerSecurity : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info.Title = "Chancery API";
            document.Info.Description = "Events and protocol for diplomatic missions. Sign in with POST /api/auth/login and send the accessToken as a Bearer token.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken from POST /api/auth/login.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }
    }
}
