// The webcam: start/stop, and a short burst of frames of one capture for the face comparison
// (the daemon takes 1–5 live frames; presentation-attack detection uses the median over them).

export const BURST_FRAMES = 3;
export const BURST_INTERVAL_MS = 150;

export function cameraAvailable() {
  return Boolean(window.isSecureContext && navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

/** A camera stream (throws when the browser refuses). */
export function openCamera() {
  return navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
}

export function closeCamera(stream) {
  if (stream) for (const track of stream.getTracks()) track.stop();
}

/**
 * `count` JPEG blobs of `video`, `interval` ms apart; `onFrame(index)` before each one. Frames
 * the browser could not encode are left out (the caller checks that some remain).
 */
export async function captureBurst(video, { count = BURST_FRAMES, interval = BURST_INTERVAL_MS, onFrame = () => {} } = {}) {
  if (video.paused) await video.play().catch(() => {});
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext("2d");
  const frames = [];
  for (let index = 0; index < count; index += 1) {
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, interval));
    onFrame(index);
    context.drawImage(video, 0, 0);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
    if (blob) frames.push(blob);
  }
  context.clearRect(0, 0, canvas.width, canvas.height);
  return frames;
}
