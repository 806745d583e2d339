// The face step: the webcam, a burst of frames of one capture (or one uploaded photo), the
// comparison with the read's chip photo (`POST /v1/face/compare`) and its liveness signal.
import { APIError, base64 } from "./api.js";
import { BURST_FRAMES, cameraAvailable, captureBurst, closeCamera, openCamera } from "./camera.js";
import { TEXT } from "./i18n.js";
import * as result from "./result-view.js";
import { $ } from "./view.js";

/**
 * `page` gives: api, readId() (the shown read's id or null), showError(code, entry),
 * showAPIError(error).
 */
export function createFace(page) {
  let camera = null;  // the MediaStream while the camera is on
  let faceURL = null; // blob: URL of the preview
  let lastFace = null;

  function reset() {
    result.resetFace();
    if (faceURL) URL.revokeObjectURL(faceURL);
    faceURL = null;
    lastFace = null;
  }

  async function toggleCamera() {
    if (camera) {
      stopCamera();
      return;
    }
    if (!cameraAvailable()) {
      page.showError(null, TEXT["face.noCamera"]);
      return;
    }
    try {
      camera = await openCamera();
      result.showCamera(camera);
    } catch (_) {
      camera = null;
      page.showError(null, TEXT["face.noCamera"]);
    }
  }

  function stopCamera() {
    closeCamera(camera);
    camera = null;
    result.showCamera(null);
  }

  async function captureAndCompare() {
    const video = $("camera");
    if (!camera || !video.videoWidth || !page.readId()) return;
    $("capture-button").disabled = true;
    try {
      const frames = await captureBurst(video, {
        onFrame: (index) => result.showFaceBusy("face.burst", { frame: index + 1, frames: BURST_FRAMES }),
      });
      stopCamera();
      if (frames.length) await compare(frames);
    } finally {
      $("capture-button").disabled = false;
    }
  }

  function retake() {
    reset();
    if (!camera) toggleCamera();
  }

  /** Sends 1–5 frames of one capture (`liveImages`) or one photo (`liveImage`) with the read id. */
  async function compare(frames) {
    const readId = page.readId();
    if (!readId) return;
    reset();
    faceURL = URL.createObjectURL(frames[0]);
    result.showFacePreview(faceURL);
    result.showFaceBusy("face.comparing");
    try {
      const images = await Promise.all(frames.map(base64));
      const body = images.length === 1 ? { liveImage: images[0], readId } : { liveImages: images, readId };
      const payload = await page.api.json("POST", "/v1/face/compare", { body });
      if (page.readId() !== readId) return; // wiped meanwhile
      const used = Number.isInteger(payload?.frameUsed) ? payload.frameUsed : 0;
      if (used > 0 && used < frames.length) {
        URL.revokeObjectURL(faceURL);
        faceURL = URL.createObjectURL(frames[used]);
        result.showFacePreview(faceURL); // the frame the daemon compared
      }
      lastFace = payload;
      redraw();
    } catch (error) {
      $("face-result").hidden = true;
      if (error instanceof APIError || error?.name !== "AbortError") page.showAPIError(error);
    }
  }

  /** Draws the last answer again (after a language switch). */
  function redraw() {
    if (lastFace) result.renderFace(lastFace, { onRetake: retake });
  }

  function bind() {
    $("camera-button").addEventListener("click", toggleCamera);
    $("capture-button").addEventListener("click", captureAndCompare);
    $("face-file").addEventListener("change", () => {
      const file = $("face-file").files?.[0];
      if (file) compare([file]);
    });
    if (!cameraAvailable()) $("camera-button").hidden = true;
  }

  return { bind, reset, stopCamera, redraw };
}
