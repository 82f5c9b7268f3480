using System.Text.Json;

namespace Chancery.Api;

internal static class FieldErrors
{
    /// <summary>Domain errors are keyed by the input's property name; the API names fields as its JSON spells them.</summary>
    public static Dictionary<string, string[]> AsJsonNames(Dictionary<string, string[]> errors) =>
        errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);
}
