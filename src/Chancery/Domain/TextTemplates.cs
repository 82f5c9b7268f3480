using Chancery.Domain.News;
using Fluid;
using Fluid.Values;

namespace Chancery.Domain;

/// <summary>
/// The one template engine: Liquid, through Fluid, sandboxed — the tags below only, no functions, a step limit, no
/// filter whose output grows faster than its input. A mission's own news wording (<see cref="NewsDraft"/>) and the
/// shipped wording of invitations (<see cref="Invitations.InvitationWording"/>, slots such as <c>{{ guest }}</c>) are
/// both written in it and rendered by it, as plain text: what a slot holds is never read as a template again.
/// </summary>
public static class TextTemplates
{
    /// <summary>
    /// The tags a template may use: conditions, loops and comments over what the event holds. Not assign and
    /// capture (a string doubled forty times would fill the server's memory before any limit on steps or output is
    /// reached), not include and render (a template names no other file: there is none to read), not the rest
    /// (counters, tables) — and none a later Fluid adds until someone decides it belongs here.
    /// </summary>
    public static readonly IReadOnlyList<string> Tags = ["if", "unless", "case", "for", "break", "continue", "cycle", "ifchanged", "comment", "#", "raw", "echo", "liquid"];

    public static FluidParser Parser { get; } = MakeParser();

    public static TemplateOptions Options { get; } = MakeOptions();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IFluidTemplate> Shipped = new();

    /// <summary>
    /// <paramref name="template"/>, wording that ships with Chancery (parsed once and kept), with each slot filled from
    /// <paramref name="values"/>; a slot with no value is left empty.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values, System.Globalization.CultureInfo culture)
    {
        var parsed = Shipped.GetOrAdd(template, t => Parser.TryParse(t, out var p, out var error) ? p
            : throw new InvalidOperationException($"Shipped wording that is not a template: {error} in \"{t}\""));
        var context = new TemplateContext(Options) { CultureInfo = culture };
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }
        return parsed.Render(context, NullEncoder.Default);
    }

    // Refused when the template is saved, with line and column: an unknown tag does not parse.
    private static FluidParser MakeParser()
    {
        var parser = new FluidParser(new FluidParserOptions { AllowFunctions = false });
        foreach (var tag in parser.RegisteredTags.Keys.Except(Tags).ToList())
        {
            parser.RegisteredTags.Remove(tag);
        }
        return parser;
    }

    private static TemplateOptions MakeOptions()
    {
        var options = new TemplateOptions { MaxSteps = 100_000, MaxRecursion = 20 };
        // Each replacement multiplies a value by another's length, and split then join does too: a few in a row
        // would outgrow any memory before a limit on steps or output is reached. Lists are joined by and_list.
        foreach (var quadratic in new[] { "replace", "replace_first", "replace_last", "split", "join" })
        {
            options.Filters.AddFilter(quadratic, (_, _, _) => throw new InvalidOperationException($"'{quadratic}' is not available in templates."));
        }
        options.Filters.AddFilter("and_list", (input, _, context) =>
        {
            var words = (NewsWords)context.AmbientValues["words"];
            var items = input.Enumerate(context).Take(1001).Select(v => v.ToStringValue()).Where(s => s.Length > 0).ToList();
            if (items.Count > 1000)
            {
                throw new InvalidOperationException("and_list takes at most 1,000 items.");
            }
            return new StringValue(words.List(items));
        });
        options.Filters.AddFilter("sentence", (input, _, context) =>
        {
            var s = input.ToStringValue();
            return new StringValue(s.Length == 0 ? s : char.ToUpper(s[0], context.CultureInfo) + s[1..]);
        });
        // "Minute of silence" inside a sentence; "UN Day" and "Ambassador" stay as written.
        // On a list, each of its items.
        options.Filters.AddFilter("lower_first", (input, _, context) => input is ArrayValue
            ? new ArrayValue(input.Enumerate(context).Select(v => (FluidValue)new StringValue(NewsWords.LowerFirst(v.ToStringValue(), context.CultureInfo))).ToList())
            : new StringValue(NewsWords.LowerFirst(input.ToStringValue(), context.CultureInfo)));
        return options;
    }
}
