// Progressive enhancement for the contacts import: show upload progress for a large file, then the
// server's preview. Without JavaScript the form posts as usual.
(function () {
  const form = document.getElementById('import-upload');
  if (!form || !window.XMLHttpRequest) return;
  const progress = document.getElementById('import-progress');
  const status = document.getElementById('import-status');
  const maxBytes = Number(form.dataset.maxBytes);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    // Said before the upload, in the server's own words: a 40 MB file need not travel to be refused.
    const file = form.querySelector('input[type=file]').files[0];
    if (file && maxBytes && file.size > maxBytes) {
      status.textContent = 'The file is ' + Math.floor(file.size / 1024).toLocaleString('en') + ' KB; the limit is ' +
        Math.floor(maxBytes / 1024).toLocaleString('en') + ' KB. Split it into smaller files.';
      status.classList.add('error-summary');
      return;
    }
    status.classList.remove('error-summary');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    progress.hidden = false;
    xhr.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      progress.value = percent;
      status.textContent = percent < 100 ? 'Uploading… ' + percent + '%' : 'Reading and checking every row…';
    });
    xhr.addEventListener('load', function () {
      document.open();
      document.write(xhr.responseText);
      document.close();
      history.replaceState(null, '', location.pathname);
    });
    xhr.addEventListener('error', function () {
      status.textContent = 'The upload failed; check the connection and try again.';
    });
    xhr.send(new FormData(form));
  });
})();
