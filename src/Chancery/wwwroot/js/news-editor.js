// The news editor's live preview: the Markdown is sent to the server as it is typed (a pause of 400 ms), which
// answers with the sanitised HTML the public page will show. Without JavaScript the preview shows the saved text.
(function () {
  const form = document.getElementById('news-form');
  if (!form) return;
  const body = form.querySelector('textarea[data-preview]');
  const preview = document.getElementById(body.dataset.preview);
  const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
  let timer = 0;
  let latest = 0;
  body.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(async function () {
      const mine = ++latest;
      const data = new FormData();
      data.append('body', body.value);
      data.append('__RequestVerificationToken', token);
      try {
        const response = await fetch('/staff/news/edit?handler=Preview', { method: 'POST', body: data, credentials: 'same-origin' });
        // Only the answer to the latest keystroke is shown, whatever order they come back in.
        if (response.ok && mine === latest) preview.innerHTML = await response.text();
      } catch (e) {
        // Offline for a moment: the preview waits for the next keystroke.
      }
    }, 400);
  });
})();
