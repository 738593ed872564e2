using Microsoft.AspNetCore.Mvc;

namespace CrmBot.Api;

/// <summary>Writes an RFC 9457 problem through the app's <see cref="IProblemDetailsService"/>, so every API error has one shape.</summary>
internal static class ApiProblem
{
    public static ValueTask WriteAsync(HttpContext context, int status, string title, string detail, string? code = null, Exception? exception = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
