import type { UpdatesTranslation } from './updatesEn';

export const updatesPt: UpdatesTranslation = {
  updates: {
    title: 'Atualizações do aplicativo',
    intro:
      'O ChapterDesk procura uma nova versão no servidor de sincronização da seção ao iniciar e uma vez por dia, baixa-a em segundo plano (nunca durante uma sincronização) e pergunta antes de reiniciar.',
    current: 'Esta versão: {{version}}',
    unavailable:
      'As atualizações vêm do servidor de sincronização da seção: conecte primeiro este computador a um servidor.',
    idle: 'Ainda não verificado.',
    checking: 'Procurando uma nova versão…',
    upToDate: 'Esta é a versão mais recente.',
    available: 'A versão {{version}} está disponível ({{size}}).',
    deferredSyncing: 'A versão {{version}} será baixada quando terminar a sincronização em andamento.',
    deferredMetered:
      'A versão {{version}} está disponível ({{size}}). Esta conexão é cobrada por uso, então só é baixada quando você pedir.',
    downloading: 'Baixando a versão {{version}}: {{done}} de {{total}}.',
    ready: 'A versão {{version}} está pronta. Reinicie o ChapterDesk para usá-la.',
    restarting: 'Reiniciando para atualizar…',
    offline: 'Não foi possível contatar o servidor: este computador parece estar sem conexão.',
    interrupted: 'O download foi interrompido em {{done}} de {{total}}. Ele continuará de onde parou.',
    corrupt: 'O arquivo baixado estava danificado e foi descartado. Verifique novamente para recomeçar.',
    feed: 'O servidor não oferece nenhuma atualização que esta versão possa usar.',
    lastChecked: 'Última verificação: {{when}}.',
    checkNow: 'Verificar agora',
    download: 'Baixar',
    resume: 'Retomar o download',
    restart: 'Reiniciar para atualizar',
    progress: 'Download da atualização',
    metered:
      'Esta conexão é cobrada por uso: baixar atualizações só quando eu pedir (sincronizações grandes também esperam)',
    notice: 'A versão {{version}} do ChapterDesk está pronta.',
    later: 'Mais tarde',
  },
};
