namespace Gongkai.Web.Pages.Console;

/// <summary>A staff member's own address for reminders and review requests, and the switch for the daily digest.</summary>
public sealed class MailSettingsModel(GongkaiDb db, StaffContext staff) : PageModel
{
    [BindProperty, Display(Name = "电子邮箱"), StringLength(254, ErrorMessage = "电子邮箱不超过 254 个字符。")]
    public string? Email { get; set; }

    [BindProperty]
    public bool DigestsOff { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == staff.UserId, ct);
        (Email, DigestsOff) = (user.Email, user.DigestsOff);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        if (email is not null && !ApplicantRules.IsEmail(email))
        {
            ModelState.AddModelError(nameof(Email), "电子邮箱格式不正确（例如 name@example.gov.cn）。");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await db.StaffUsers.SingleAsync(u => u.Id == staff.UserId, ct);
        (user.Email, user.DigestsOff) = (email, DigestsOff);
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = "邮件提醒设置已保存。";
        return Redirect("/console/account/mail");
    }
}
