using System.Net;
using System.Net.Http.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Foundation;

/// <summary>
/// Who may reach what, for every route the app has: its route table (<see cref="EndpointDataSource"/>) against one
/// declarative table below. Each route is asked by an anonymous caller, by a member of each role of the mission that
/// owns the record it names, and by an administrator of another mission: expected 401 (API) or the sign-in page,
/// 403 (API) or the access-denied page, 404 for another mission's record, and an answer for whoever may. A route the
/// table does not know fails the test, so no new route escapes it. Pages are asked with GET: a page's form posts to
/// the same route, under the same policy, and its handlers find records through the same scope.
/// </summary>
public sealed class AccessMatrixTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>Who may: a role set (Admin always may), or one of the kinds of public and signed-in access.</summary>
    private enum Access
    {
        /// <summary>Anyone, signed in or not (public pages, feeds, sign-in).</summary>
        Anyone,
        /// <summary>Anyone signed in, of any mission (their own account).</summary>
        SignedIn,
        /// <summary>Any member of the record's mission.</summary>
        Member,
        Admin,
        Protocol,
        Press,
        /// <summary>Protocol and Door: the door.</summary>
        Door,
        /// <summary>Protocol and Press: the directory, the report, the press archive.</summary>
        Desk,
        /// <summary>No route: the fallbacks answer 404 to everyone.</summary>
        Nowhere,
        /// <summary>A one-time link's page: open to anyone, and without the link's token it names nothing (404).</summary>
        Link,
    }

    private static readonly Dictionary<string, Access> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        // The application's own surfaces.
        ["* /health"] = Access.Anyone,
        ["* /health/ready"] = Access.Anyone,
        ["* /health/live"] = Access.Anyone,
        ["GET /favicon.ico"] = Access.Anyone,
        ["GET /openapi/{documentName}.json"] = Access.Anyone,
        ["GET /scalar/scalar.js"] = Access.Anyone,
        ["GET /scalar/scalar.aspnetcore.js"] = Access.Anyone,
        ["GET /scalar/favicon.svg"] = Access.Anyone,
        ["GET /scalar/{documentName?}"] = Access.Anyone,
        ["* /api/{**path}"] = Access.Nowhere,
        ["* /{*path:nonfile}"] = Access.Nowhere,

        // Public pages and feeds of a mission, and a guest's reply page.
        ["PAGE /"] = Access.Anyone,
        ["PAGE /Index"] = Access.Anyone,
        ["PAGE /Error"] = Access.Anyone,
        ["PAGE /Account/Login"] = Access.Anyone,
        ["PAGE /Account/Logout"] = Access.Anyone,
        ["PAGE /account/access-denied"] = Access.Anyone,
        ["PAGE /account/set-password"] = Access.Link,
        ["PAGE /Account/Password"] = Access.SignedIn,
        ["PAGE /rsvp/{token}"] = Access.Anyone,
        ["PAGE /m/{slug}"] = Access.Anyone,
        ["PAGE /m/{slug}/news"] = Access.Anyone,
        ["PAGE /m/{slug}/news/{item}"] = Access.Anyone,
        ["PAGE /m/{slug}/news/preview/{token}"] = Access.Anyone,
        ["PAGE /m/{slug}/exhibitions"] = Access.Anyone,
        ["PAGE /m/{slug}/exhibitions/{exhibition}"] = Access.Anyone,
        ["PAGE /m/{slug}/exhibitions/{exhibition}/posters"] = Access.Anyone,
        ["PAGE /m/{slug}/exhibitions/{exhibition}/slideshow"] = Access.Anyone,
        ["GET /m/{slug}/exhibitions/{exhibition}/clippings/{articleId:guid}/{size}.jpg"] = Access.Anyone,
        ["GET /m/{slug}/news/photos/{photoId:guid}/{size}.jpg"] = Access.Anyone,
        ["GET /m/{slug}/news/preview/{token}/photos/{photoId:guid}/{size}.jpg"] = Access.Anyone,
        ["GET /m/{slug}/news/feed.atom"] = Access.Anyone,
        ["GET /m/{slug}/news/feed.json"] = Access.Anyone,
        ["GET /m/{slug}/news/embed.js"] = Access.Anyone,

        // Staff pages.
        ["PAGE /Staff"] = Access.Member,
        ["PAGE /Staff/Index"] = Access.Member,
        ["PAGE /Staff/Audit"] = Access.Admin,
        ["PAGE /Staff/Audit/Index"] = Access.Admin,
        ["PAGE /Staff/Users"] = Access.Admin,
        ["PAGE /Staff/Users/Index"] = Access.Admin,
        ["PAGE /Staff/Users/Invite"] = Access.Admin,
        ["PAGE /Staff/Mail/{id:guid?}"] = Access.Admin,
        ["PAGE /Staff/Mail/Index/{id:guid?}"] = Access.Admin,
        ["PAGE /Staff/Missions"] = Access.Member,
        ["PAGE /Staff/Missions/Index"] = Access.Member,
        ["PAGE /Staff/Missions/Switch"] = Access.Member,
        ["PAGE /Staff/Missions/Precedence"] = Access.Protocol,
        ["PAGE /Staff/Contacts"] = Access.Desk,
        ["PAGE /Staff/Contacts/Index"] = Access.Desk,
        ["PAGE /staff/contacts/{id:guid}"] = Access.Desk,
        ["PAGE /Staff/Contacts/Edit/{id:guid?}"] = Access.Protocol,
        ["PAGE /Staff/Contacts/Import"] = Access.Protocol,
        ["PAGE /Staff/Contacts/Categories"] = Access.Protocol,
        ["PAGE /Staff/Organizations"] = Access.Desk,
        ["PAGE /Staff/Organizations/Index"] = Access.Desk,
        ["PAGE /staff/organizations/{id:guid}"] = Access.Desk,
        ["PAGE /staff/organizations/edit/{id:guid}"] = Access.Protocol,
        ["PAGE /Staff/Events"] = Access.Member,
        ["PAGE /Staff/Events/Index"] = Access.Member,
        ["PAGE /Staff/Events/Edit/{id:guid?}"] = Access.Protocol,
        ["PAGE /staff/events/{id:guid}"] = Access.Member,
        ["PAGE /staff/events/{id:guid}/copy"] = Access.Protocol,
        ["PAGE /staff/events/{id:guid}/programme"] = Access.Protocol,
        ["PAGE /staff/events/{id:guid}/guests"] = Access.Protocol,
        ["PAGE /staff/events/{id:guid}/guests/{guestId:guid}/substitute"] = Access.Protocol,
        ["PAGE /staff/events/{id:guid}/invitations"] = Access.Protocol,
        ["PAGE /staff/events/{id:guid}/seating"] = Access.Protocol,
        ["PAGE /staff/events/{id:guid}/order"] = Access.Member,
        ["PAGE /staff/events/{id:guid}/door"] = Access.Door,
        ["PAGE /staff/events/{id:guid}/arrivals"] = Access.Door,
        ["PAGE /staff/events/{id:guid}/receiving-line"] = Access.Door,
        ["PAGE /staff/events/{id:guid}/report"] = Access.Desk,
        ["PAGE /staff/events/{id:guid}/print/door-list"] = Access.Member,
        ["PAGE /staff/events/{id:guid}/print/orders"] = Access.Member,
        ["PAGE /staff/events/{id:guid}/print/place-cards"] = Access.Member,
        ["PAGE /staff/events/{id:guid}/print/programme"] = Access.Member,
        ["PAGE /staff/events/{id:guid}/print/table-plan"] = Access.Member,
        ["PAGE /staff/events/{id:guid}/print/envelope-labels"] = Access.Protocol,
        ["PAGE /staff/events/{id:guid}/print/invitations"] = Access.Protocol,
        ["PAGE /staff/news"] = Access.Press,
        ["PAGE /staff/news/edit/{id:guid?}"] = Access.Press,
        ["PAGE /staff/news/templates"] = Access.Press,
        ["PAGE /staff/press"] = Access.Desk,
        ["PAGE /staff/press/edit/{id:guid?}"] = Access.Desk,
        ["PAGE /staff/press/links"] = Access.Desk,
        ["PAGE /staff/press/review"] = Access.Desk,
        ["PAGE /staff/press/exhibitions"] = Access.Desk,
        ["PAGE /staff/press/exhibitions/{id:guid}"] = Access.Desk,
        ["PAGE /staff/press/exhibitions/{id:guid}/posters"] = Access.Desk,
        ["PAGE /staff/press/exhibitions/{id:guid}/slideshow"] = Access.Desk,

        // The API (docs/api.md).
        ["POST /api/auth/login"] = Access.Anyone,
        ["POST /api/auth/refresh"] = Access.Anyone,
        ["GET /api/me"] = Access.SignedIn,
        ["GET /api/audit"] = Access.Admin,
        ["GET /api/missions/"] = Access.SignedIn,
        ["POST /api/missions/"] = Access.Admin,
        ["GET /api/missions/{id:guid}"] = Access.Member,
        ["GET /api/missions/{id:guid}/members"] = Access.Admin,
        ["GET /api/contacts/"] = Access.Desk,
        ["POST /api/contacts/"] = Access.Protocol,
        ["GET /api/contacts/{id:guid}"] = Access.Desk,
        ["PUT /api/contacts/{id:guid}"] = Access.Protocol,
        ["DELETE /api/contacts/{id:guid}"] = Access.Protocol,
        ["POST /api/contacts/import"] = Access.Protocol,
        ["GET /api/contacts/export.csv"] = Access.Protocol,
        ["GET /api/contacts/export.xlsx"] = Access.Protocol,
        ["GET /api/contacts/{id:guid}/personal-data"] = Access.Protocol,
        ["POST /api/contacts/{id:guid}/erase"] = Access.Protocol,
        ["GET /api/events/"] = Access.Member,
        ["POST /api/events/"] = Access.Protocol,
        ["GET /api/events/{id:guid}"] = Access.Member,
        ["PUT /api/events/{id:guid}"] = Access.Protocol,
        ["GET /api/events/{id:guid}/programme"] = Access.Member,
        ["POST /api/events/{id:guid}/programme"] = Access.Protocol,
        ["GET /api/events/{id:guid}/texts/{language}"] = Access.Member,
        ["PUT /api/events/{id:guid}/texts/{language}"] = Access.Protocol,
        ["GET /api/events/{id:guid}/guests/"] = Access.Member,
        ["POST /api/events/{id:guid}/guests/"] = Access.Protocol,
        ["PUT /api/events/{id:guid}/guests/{guestId:guid}"] = Access.Protocol,
        ["POST /api/events/{id:guid}/guests/{guestId:guid}/substitute"] = Access.Protocol,
        ["GET /api/events/{id:guid}/invitations/"] = Access.Protocol,
        ["POST /api/events/{id:guid}/invitations/"] = Access.Protocol,
        ["POST /api/events/{id:guid}/checkin"] = Access.Door,
        ["POST /api/events/{id:guid}/checkin/batch"] = Access.Door,
        ["DELETE /api/events/{id:guid}/checkin/{guestId:guid}"] = Access.Door,
        ["POST /api/events/{id:guid}/walkins"] = Access.Door,
        ["GET /api/events/{id:guid}/door-data"] = Access.Door,
        ["GET /api/events/{id:guid}/arrivals"] = Access.Door,
        ["GET /api/events/{id:guid}/report"] = Access.Desk,
        ["GET /api/events/{id:guid}/report.xlsx"] = Access.Desk,
        ["GET /api/events/{id:guid}/guests.csv"] = Access.Desk,
        ["POST /api/events/{id:guid}/news/draft"] = Access.Press,
        ["GET /api/news/"] = Access.Press,
        ["POST /api/news/"] = Access.Press,
        ["POST /api/news/preview"] = Access.Press,
        ["GET /api/news/{id:guid}"] = Access.Press,
        ["PUT /api/news/{id:guid}"] = Access.Press,
        ["DELETE /api/news/{id:guid}"] = Access.Press,
        ["POST /api/news/{id:guid}/submit"] = Access.Press,
        ["POST /api/news/{id:guid}/approve"] = Access.Press,
        ["POST /api/news/{id:guid}/return"] = Access.Press,
        ["POST /api/news/{id:guid}/publish"] = Access.Admin,
        ["POST /api/news/{id:guid}/withdraw"] = Access.Press,
        ["POST /api/news/{id:guid}/preview-link"] = Access.Press,
        ["DELETE /api/news/{id:guid}/preview-link"] = Access.Press,
        ["GET /api/news/{id:guid}/photos"] = Access.Press,
        ["POST /api/news/{id:guid}/photos"] = Access.Press,
        ["PUT /api/news/{id:guid}/photos/{photoId:guid}"] = Access.Press,
        ["DELETE /api/news/{id:guid}/photos/{photoId:guid}"] = Access.Press,
        ["GET /api/news/{id:guid}/photos/{photoId:guid}/{size}"] = Access.Press,
        ["GET /api/news/templates/{language}"] = Access.Press,
        ["PUT /api/news/templates/{language}"] = Access.Press,
        ["DELETE /api/news/templates/{language}"] = Access.Press,
        ["GET /api/press/"] = Access.Desk,
        ["POST /api/press/"] = Access.Desk,
        ["GET /api/press/stats"] = Access.Desk,
        ["GET /api/press/export.xlsx"] = Access.Desk,
        ["POST /api/press/from-link"] = Access.Desk,
        ["GET /api/press/{id:guid}"] = Access.Desk,
        ["PUT /api/press/{id:guid}"] = Access.Desk,
        ["DELETE /api/press/{id:guid}"] = Access.Desk,
        ["POST /api/press/{id:guid}/clipping"] = Access.Desk,
        ["GET /api/press/{id:guid}/clipping/{size}"] = Access.Desk,
        ["GET /api/press/exhibitions/"] = Access.Desk,
        ["POST /api/press/exhibitions/"] = Access.Desk,
        ["GET /api/press/exhibitions/{id:guid}"] = Access.Desk,
        ["PUT /api/press/exhibitions/{id:guid}"] = Access.Desk,
        ["DELETE /api/press/exhibitions/{id:guid}"] = Access.Desk,
    };

    private static MissionRole[] Roles(Access access) => access switch
    {
        Access.Admin => [MissionRole.Admin],
        Access.Protocol => [MissionRole.Admin, MissionRole.Protocol],
        Access.Press => [MissionRole.Admin, MissionRole.Press],
        Access.Door => [MissionRole.Admin, MissionRole.Protocol, MissionRole.Door],
        Access.Desk => [MissionRole.Admin, MissionRole.Protocol, MissionRole.Press],
        _ => Enum.GetValues<MissionRole>(),
    };

    /// <summary>The app's routes as "METHOD /pattern" ("PAGE" for a Razor page, "*" for any method).</summary>
    public static List<(string Key, string Method, string Pattern, bool Page)> Routes(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e =>
        {
            var page = e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null;
            var method = page ? "PAGE" : e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Single() ?? "*";
            var pattern = "/" + e.RoutePattern.RawText!.TrimStart('/');
            return ($"{method} {pattern}", method, pattern, page);
        }).Distinct()];

    // A request that would destroy what the matrix needs (a deletion, an erasure) names a record no mission has:
    // whoever may is told 404 (past the policy and the role check), whoever may not 403 before that.
    private static bool Destructive(string method, string pattern) => method == "DELETE" || pattern.EndsWith("/erase", StringComparison.Ordinal);

    private static readonly HashSet<string> Multipart = ["POST /api/news/{id:guid}/photos", "POST /api/press/{id:guid}/clipping", "POST /api/contacts/import"];

    private static async Task<bool> DomainRefusalAsync(HttpResponseMessage response) =>
        (await response.Content.ReadAsStringAsync()).Contains("\"title\":\"The request was refused\"", StringComparison.Ordinal);

    [Fact]
    public async Task Every_route_answers_each_caller_as_the_table_says_and_the_table_knows_every_route()
    {
        var routes = Routes(app.Services);
        var unknown = routes.Where(r => !Table.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        Assert.True(unknown.Count == 0, "Routes missing from the access table (say who may reach each):\n" + string.Join("\n", unknown));
        Assert.Empty(Table.Keys.Except(routes.Select(r => r.Key), StringComparer.OrdinalIgnoreCase)); // nor does it list routes gone

        var sample = await SampleMission.BuildAsync(app);
        var callers = new List<(string Name, MissionRole? Role, bool Stranger, HttpClient Api, HttpClient Pages)>
        {
            ("anonymous", null, false, app.CreateClient(new() { AllowAutoRedirect = false }), StaffSession.Anonymous(app).Client),
        };
        foreach (var (role, email) in sample.Members)
        {
            callers.Add((role.ToString(), role, false, await app.ApiClientAsync(email), (await StaffSession.SignInAsync(app, email)).Client));
        }
        callers.Add(("another mission's Admin", MissionRole.Admin, true, await app.ApiClientAsync(sample.Stranger), (await StaffSession.SignInAsync(app, sample.Stranger)).Client));

        var failures = new List<string>();
        // Reads first, then writes, the destructive last: what one request changes must not decide another's answer.
        foreach (var (key, method, pattern, page) in routes.OrderBy(r => r.Method is "GET" or "PAGE" or "*" ? 0 : Destructive(r.Method, r.Pattern) ? 2 : 1).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            var access = Table[key];
            var api = pattern.StartsWith("/api/", StringComparison.Ordinal);
            var names = pattern.Contains('{', StringComparison.Ordinal) && !pattern.StartsWith("/m/", StringComparison.Ordinal) && !pattern.StartsWith("/rsvp/", StringComparison.Ordinal)
                && !pattern.Contains("documentName", StringComparison.Ordinal) && access != Access.Nowhere && System.Text.RegularExpressions.Regex.IsMatch(pattern, @"\{[A-Za-z]+:guid\}");
            foreach (var caller in callers)
            {
                var may = access switch
                {
                    Access.Anyone or Access.Nowhere or Access.Link => true,
                    Access.SignedIn => caller.Role is not null,
                    _ => caller.Role is { } r && Roles(access).Contains(r) && !(caller.Stranger && names),
                };
                var missing = may && Destructive(method, pattern) && pattern.Contains(":guid}", StringComparison.Ordinal);
                var address = sample.Address(pattern, missing);
                using var request = new HttpRequestMessage(new HttpMethod(method is "PAGE" or "*" ? "GET" : method), address);
                if (method is "POST" or "PUT")
                {
                    request.Content = Multipart.Contains(key) ? new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "x.txt" } } : JsonContent.Create(new { });
                }
                var response = await (api || !page && caller.Role is null ? caller.Api : caller.Pages).SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                var ok = (access, caller) switch
                {
                    _ when status >= 500 => false,
                    (Access.Nowhere or Access.Link, _) => status == 404,
                    // Public: an answer, a redirect (signing out), or a refusal of what was sent (a sign-in without a password).
                    (Access.Anyone, _) => status is < 400 or 400 or 401 && !(method is "GET" or "PAGE" or "*" && status >= 400),
                    _ when caller.Role is null && !may => api ? status == 401 : status == 302 && location.Contains("/account/login", StringComparison.OrdinalIgnoreCase),
                    _ when caller.Stranger && names && !may => status == 404,
                    _ when !may => api ? status == 403 : status == 403 || (status == 302 && location.Contains("access-denied", StringComparison.OrdinalIgnoreCase)),
                    _ when missing => status == 404 || status == 403 && await DomainRefusalAsync(response),
                    _ when method is "GET" or "PAGE" or "*" => status is >= 200 and < 400 && !location.Contains("access-denied", StringComparison.OrdinalIgnoreCase) && !location.Contains("/account/login", StringComparison.OrdinalIgnoreCase),
                    // A write past the policy may still meet a rule of the record's state (a published item's photos
                    // are an administrator's to change once another write has published it): the domain's refusal, in its words.
                    _ => status is not (401 or 403 or 404) || status == 403 && await DomainRefusalAsync(response),
                };
                if (!ok)
                {
                    failures.Add($"{key} ({address}) as {caller.Name}: {status}{(location.Length > 0 ? " → " + location : "")}; expected {(may ? "an answer" : "a refusal")} ({access})");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the access table:\n" + string.Join("\n", failures));
    }
}
