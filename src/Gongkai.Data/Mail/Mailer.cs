using MailKit.Net.Smtp;
using MimeKit;

namespace Gongkai.Data.Mail;

/// <summary>Hands a mail to the SMTP server, or, off the network, writes it to the mail folder as an .eml file.</summary>
public sealed class Mailer(MailSettings settings)
{
    public MailSettings Settings => settings;

    public MimeMessage Compose(OutboxMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(settings.From);
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        // One Message-Id per outbox row: a receiving server that sees a retry of a mail it already took knows it.
        mime.MessageId = $"outbox-{message.Id}-{message.CreatedUtc:yyyyMMddHHmmss}@{settings.From.Domain}";
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = Domain.Notifications.MessageTemplates.Html(message.TextBody) };
        if (message.Attachment is { } bytes && message.AttachmentName is { } name)
        {
            body.Attachments.Add(name, bytes, ContentType.Parse(Applications.ApplicationLetters.DocxType));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }

    public async Task SendAsync(MimeMessage mime, CancellationToken ct)
    {
        if (settings.Delivery == MailDelivery.Folder)
        {
            Directory.CreateDirectory(settings.Folder);
            var file = Path.Combine(settings.Folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{mime.MessageId?.Split('@')[0]}.eml");
            // Written aside and then renamed: whoever reads the folder (a clerk, a mail client, a
            // test) sees whole .eml files only, never one being written.
            await mime.WriteToAsync(file + ".part", ct);
            File.Move(file + ".part", file, overwrite: true);
            return;
        }
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, ct);
        if (settings.User is not null)
        {
            await client.AuthenticateAsync(settings.User, settings.Password!, ct);
        }
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
