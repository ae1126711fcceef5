// "Use my location" on the catalogue page: fills the point's latitude and longitude from the browser's
// geolocation. Without this script (or without geolocation) the fields are typed by hand; the form is the same.
import { $, message, show } from '../shared/dom.js';

// About 100 m: enough to sort by distance, and the point goes into the page's address.
const DECIMALS = 3;

const button = $('locate');
const status = $('locate-status');

if (button && navigator.geolocation) {
  show(button, true);
  button.addEventListener('click', () => {
    button.disabled = true;
    message(status, button.dataset.locating);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        $('lat').value = coords.latitude.toFixed(DECIMALS);
        $('lon').value = coords.longitude.toFixed(DECIMALS);
        button.disabled = false;
        message(status, button.dataset.located);
      },
      () => {
        button.disabled = false;
        message(status, button.dataset.failed);
      },
      { maximumAge: 300_000, timeout: 15_000 },
    );
  });
}
