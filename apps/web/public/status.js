// Shows the server's readiness on the placeholder page.
const target = document.getElementById('ready');
fetch('/health/ready')
  .then((response) => response.json())
  .then((body) => {
    target.textContent = body.ok ? 'ready' : 'not ready';
  })
  .catch(() => {
    target.textContent = 'unreachable';
  });
