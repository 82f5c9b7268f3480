using System.Text.Json;
using Microsoft.Playwright;

namespace Chancery.BrowserTests;

/// <summary>Runs axe-core (vendored from npm) in the page and fails on any violation.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vendor", "axe-core", "axe.min.js")));

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the page's own CSP (no inline script) does not block it.
        await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document);
              return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", list));
    }
}
