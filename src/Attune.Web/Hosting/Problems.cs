using System.Text.Json;
using Attune.App.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Web.Hosting;

/// <summary>The one place where expected failures and bad requests become RFC 9457 problem details.</summary>
internal static class Problems
{
    public static ProblemHttpResult From(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var (status, title) = failure.Kind switch
        {
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            ErrorKind.Invalid => (StatusCodes.Status400BadRequest, "Invalid request"),
            ErrorKind.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden"),
            _ => (StatusCodes.Status500InternalServerError, "Error"),
        };
        return failure.Field is null
            ? TypedResults.Problem(failure.Message, statusCode: status, title: title)
            : Invalid(failure.Field, failure.Message, status, title);
    }

    public static ProblemHttpResult Invalid(string field, string message, int status = StatusCodes.Status400BadRequest, string title = "Invalid request") =>
        TypedResults.Problem(message, statusCode: status, title: title, extensions: new Dictionary<string, object?>
        {
            ["field"] = field,
            ["errors"] = new Dictionary<string, string[]> { [field] = [message] },
        });

    /// <summary>201 with the value and where it lives, or the failure's problem details; typed for the OpenAPI document.</summary>
    public static Results<Created<T>, ProblemHttpResult> Created<T>(this Result<T> result, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return result.Error is { } e ? From(e) : TypedResults.Created(location(result.Value!), result.Value);
    }

    /// <summary>204, or the failure's problem details; typed for the OpenAPI document.</summary>
    public static Results<NoContent, ProblemHttpResult> NoContent<T>(this Result<T> result) =>
        result.Error is { } e ? From(e) : TypedResults.NoContent();

    /// <summary>200 with the value, or the failure's problem details; typed, so the OpenAPI document shows the value's schema.</summary>
    public static Results<Ok<T>, ProblemHttpResult> Ok<T>(this Result<T> result) =>
        result.Error is { } e ? From(e) : TypedResults.Ok(result.Value!);

    public static void UseAttuneErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleAsync, StatusCodeSelector = _ => StatusCodes.Status500InternalServerError });
        app.UseStatusCodePages();
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var result = error switch
        {
            BadHttpRequestException { InnerException: JsonException json } => Invalid(FieldOf(json.Path), BadJson(json)),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } bad =>
                TypedResults.Problem(bad.Message, statusCode: 413, title: "Request too large"),
            BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
                Invalid("body", "The request needs a JSON body (Content-Type: application/json)."),
            BadHttpRequestException bad => Invalid(FieldOf(null), bad.Message, bad.StatusCode),
            _ => TypedResults.Problem("An unexpected error occurred; it has been logged.", statusCode: 500, title: "Server error"),
        };
        if (result is IStatusCodeHttpResult { StatusCode: >= 500 })
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Attune.Errors").LogError(error, "Unhandled error on {Path}", context.Request.Path);
        }
        await result.ExecuteAsync(context);
    }

    // "$.customer.externalId" -> "customer.externalId"; "$" (the document itself) -> "body".
    private static string FieldOf(string? path) =>
        path is null or "$" or "" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string BadJson(JsonException json) =>
        json.Path is null or "$"
            ? "The body is not valid JSON for this request: " + FirstSentence(json.Message)
            : json.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? $"{FieldOf(json.Path)} has the wrong JSON type (see the OpenAPI schema at /openapi/v1.json)."
                : $"{FieldOf(json.Path)} is not valid JSON: " + FirstSentence(json.Message);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
