using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace RoezanGhl.RoezanSimulator.Endpoints;

/// <summary>How the simulator-admin endpoints read and write JSON, and how they turn admin errors into answers.</summary>
internal static class AdminJson
{
    /// <summary>camelCase, enums by name; an unknown member is an error, so a misspelt setting is refused rather than ignored.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IResult Ok(object value, int status = StatusCodes.Status200OK) => Results.Json(value, Options, statusCode: status);

    public static IResult Problem(int status, string message) => Results.Json(new { message }, Options, statusCode: status);

    /// <summary>Runs an admin action: bad input answers 422, an unknown account, contact or message 404.</summary>
    public static IResult Run(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (KeyNotFoundException exception)
        {
            return Problem(StatusCodes.Status404NotFound, exception.Message);
        }
        catch (ArgumentException exception)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, exception.Message);
        }
    }
}
