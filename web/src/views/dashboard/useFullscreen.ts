// Full screen for the wall: toggles the given element in and out of full screen and follows the browser's own exit
// (Esc), so the button's label is always right. A refused request is ignored (the page simply stays as it is).
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export function useFullscreen(target: Ref<HTMLElement | undefined>) {
  const fullscreen = ref(false)

  function onFullscreenChange() {
    fullscreen.value = document.fullscreenElement !== null
  }
  async function toggleFullscreen() {
    if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined)
    else await target.value?.requestFullscreen().catch(() => undefined)
  }

  onMounted(() => document.addEventListener('fullscreenchange', onFullscreenChange))
  onBeforeUnmount(() => document.removeEventListener('fullscreenchange', onFullscreenChange))

  return { fullscreen, toggleFullscreen }
}
